package dev.companysso.simulator;

/**
 * Names of the token request parameters (form fields or JSON properties). A null {@code grantType} means the SSO
 * expects no grant-type parameter: a request with a code is an authorization_code grant, otherwise a refresh.
 */
public record TokenParamNames(String clientId, String clientSecret, String code, String redirectUri, String grantType) {

    public TokenParamNames {
        require(clientId, "clientId");
        require(clientSecret, "clientSecret");
        require(code, "code");
        require(redirectUri, "redirectUri");
    }

    /** client_id, client_secret, code, redirect_uri, grant_type. */
    public static TokenParamNames standard() {
        return new TokenParamNames("client_id", "client_secret", "code", "redirect_uri", "grant_type");
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("token parameter name for " + what + " is required");
        }
    }
}
