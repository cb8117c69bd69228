package dev.companysso.keycloak.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fills a provider's endpoints from OAuth 2.0 authorization-server metadata (RFC 8414) or an OpenID Connect
 * discovery document. Only what the document states is filled; everything else keeps its default.
 */
public final class DiscoveryDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DiscoveryDocument() {
    }

    public static Map<String, String> toConfig(String document) {
        JsonNode metadata;
        try {
            metadata = JSON.readTree(document);
        } catch (Exception e) {
            throw new IllegalArgumentException("Company SSO: the discovery document is not valid JSON");
        }
        if (metadata == null || !metadata.isObject() || !metadata.hasNonNull("authorization_endpoint")
                || !metadata.hasNonNull("token_endpoint")) {
            throw new IllegalArgumentException(
                    "Company SSO: the discovery document has no authorization_endpoint and token_endpoint");
        }
        Map<String, String> config = new LinkedHashMap<>();
        put(config, Setting.AUTHORIZATION_URL, metadata.path("authorization_endpoint").asText(null));
        put(config, Setting.TOKEN_URL, metadata.path("token_endpoint").asText(null));
        put(config, Setting.USERINFO_URL, metadata.path("userinfo_endpoint").asText(null));
        put(config, Setting.ISSUER, metadata.path("issuer").asText(null));

        List<String> pkce = texts(metadata.path("code_challenge_methods_supported"));
        if (metadata.path("code_challenge_methods_supported").isArray()) { // an empty list: the server has no PKCE
            put(config, Setting.PKCE, pkce.contains("S256") ? "S256" : pkce.contains("plain") ? "plain" : "off");
        }
        List<String> auth = texts(metadata.path("token_endpoint_auth_methods_supported"));
        if (!auth.isEmpty() && !auth.contains("client_secret_basic") && !auth.contains("client_secret_post")) {
            // Keep the default (post) unless the server names only other methods.
            put(config, Setting.CLIENT_AUTH_METHOD, auth.contains("private_key_jwt") ? "private_key_jwt"
                    : auth.contains("client_secret_jwt") ? "client_secret_jwt" : auth.contains("none") ? "none" : null);
        } else if (auth.contains("client_secret_basic") && !auth.contains("client_secret_post")) {
            put(config, Setting.CLIENT_AUTH_METHOD, "client_secret_basic");
        }
        return config;
    }

    private static List<String> texts(JsonNode array) {
        return array.isArray() ? java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText).toList() : List.of();
    }

    private static void put(Map<String, String> config, Setting setting, String value) {
        if (value != null && !value.isBlank()) {
            config.put(setting.key(), value);
        }
    }
}
