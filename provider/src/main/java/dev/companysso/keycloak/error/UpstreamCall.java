package dev.companysso.keycloak.error;

/** Which call to the company SSO an answer or a failure belongs to. */
public enum UpstreamCall {
    TOKEN("token request"),
    USERINFO("user info request"),
    PROFILE("profile request"),
    REFRESH("token refresh request"),
    LOGOUT("logout request"),
    JWKS("key set request");

    private final String label;

    UpstreamCall(String label) {
        this.label = label;
    }

    /** How failure details name the call, e.g. "token request answered HTTP 503". */
    public String label() {
        return label;
    }
}
