package dev.companysso.keycloak.upstream;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.companysso.keycloak.config.CompanySsoConfig;
import dev.companysso.keycloak.config.Setting;

import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.util.BasicAuthHelper;
import org.keycloak.vault.VaultStringSecret;

/**
 * Adds the client's credentials to a token or refresh request, the way the SSO wants them. The secret may be a
 * vault reference ('${vault.key}') and is resolved here, at the last moment, never stored or logged.
 */
final class ClientAuthentication {

    private final KeycloakSession session;
    private final CompanySsoConfig config;
    /** Keycloak's own client-assertion signer (client_secret_jwt, private_key_jwt), applied to a scratch request. */
    private final UnaryOperator<org.keycloak.http.simple.SimpleHttpRequest> jwtAssertion;

    ClientAuthentication(KeycloakSession session, CompanySsoConfig config,
                         UnaryOperator<org.keycloak.http.simple.SimpleHttpRequest> jwtAssertion) {
        this.session = session;
        this.config = config;
        this.jwtAssertion = jwtAssertion;
    }

    void apply(Map<String, String> params, Map<String, String> headers, UpstreamHttp http) {
        String clientId = config.getClientId();
        String clientIdParam = config.paramName(Setting.TOKEN_CLIENT_ID_PARAM);
        switch (config.getClientAuthMethod()) {
            case OIDCLoginProtocol.CLIENT_SECRET_BASIC ->
                    headers.put("Authorization", BasicAuthHelper.RFC6749.createHeader(clientId, secret()));
            case OIDCLoginProtocol.CLIENT_SECRET_BASIC_UNENCODED -> headers.put("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((clientId + ":" + secret()).getBytes(StandardCharsets.UTF_8)));
            case "none" -> putIfNamed(params, clientIdParam, clientId);
            case OIDCLoginProtocol.CLIENT_SECRET_JWT, OIDCLoginProtocol.PRIVATE_KEY_JWT -> {
                var scratch = jwtAssertion.apply(http.post(config.getTokenUrl()));
                params.putAll(scratch.getParams());
                if (scratch.getHeaders() != null) {
                    headers.putAll(scratch.getHeaders());
                }
            }
            default -> { // client_secret_post
                putIfNamed(params, clientIdParam, clientId);
                putIfNamed(params, config.paramName(Setting.TOKEN_CLIENT_SECRET_PARAM), secret());
            }
        }
    }

    private String secret() {
        String configured = config.getClientSecret();
        try (VaultStringSecret vaultSecret = session.vault().getStringSecret(configured)) {
            return vaultSecret.get().orElse(configured == null ? "" : configured);
        }
    }

    private static void putIfNamed(Map<String, String> params, String name, String value) {
        if (name != null) {
            params.put(name, value == null ? "" : value);
        }
    }
}
