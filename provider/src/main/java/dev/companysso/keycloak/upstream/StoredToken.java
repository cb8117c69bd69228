package dev.companysso.keycloak.upstream;

import org.keycloak.common.util.Time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The SSO's tokens as Keycloak stores them on the federated identity ("Store tokens"): always in standard OAuth2
 * names, whatever the SSO's dialect, so apps reading them through Keycloak's broker token endpoint get a
 * standard answer, and so an expired token can be refreshed later.
 */
public final class StoredToken {

    /** Same field Keycloak's own OAuth2 broker uses for the absolute expiry, in epoch seconds. */
    public static final String ACCESS_TOKEN_EXPIRATION = "accessTokenExpiration";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredToken() {
    }

    /** A stored token as read back: the access token, the refresh token and the absolute expiry, where known. */
    public record Parsed(String accessToken, String refreshToken, Long expiresAt) {

        /** True when the access token expires within {@code minValiditySeconds} (never when the expiry is unknown). */
        public boolean expiresWithin(int minValiditySeconds) {
            return expiresAt != null && expiresAt < Time.currentTime() + minValiditySeconds;
        }
    }

    /** Reads what {@link #serialize} wrote; null when there is nothing usable. */
    public static Parsed parse(String stored) {
        if (stored == null || !stored.trim().startsWith("{")) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(stored);
            JsonNode expiry = json.get(ACCESS_TOKEN_EXPIRATION);
            return new Parsed(json.path("access_token").asText(null), json.path("refresh_token").asText(null),
                    expiry != null && expiry.canConvertToLong() ? expiry.asLong() : null);
        } catch (Exception e) {
            return null;
        }
    }

    /** After a refresh: the new answer, keeping the earlier refresh token when the SSO did not send a new one. */
    public static String serializeRefreshed(TokenAnswer fresh, String previousRefreshToken) {
        return serialize(fresh.refreshToken() != null ? fresh
                : new TokenAnswer(fresh.payload(), fresh.accessToken(), previousRefreshToken, fresh.expiresIn()));
    }

    public static String serialize(TokenAnswer token) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("access_token", token.accessToken());
        json.put("token_type", "Bearer");
        if (token.refreshToken() != null) {
            json.put("refresh_token", token.refreshToken());
        }
        if (token.expiresIn() != null && token.expiresIn() > 0) {
            json.put("expires_in", token.expiresIn());
            json.put(ACCESS_TOKEN_EXPIRATION, Time.currentTime() + token.expiresIn());
        }
        return json.toString();
    }
}
