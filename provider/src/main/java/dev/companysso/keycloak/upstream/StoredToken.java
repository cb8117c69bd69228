package dev.companysso.keycloak.upstream;

import org.keycloak.common.util.Time;

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

    private StoredToken() {
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
