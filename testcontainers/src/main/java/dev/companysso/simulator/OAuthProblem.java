package dev.companysso.simulator;

/** An OAuth error answer to send: HTTP status, error code, description, optional WWW-Authenticate. */
final class OAuthProblem extends Exception {

    private static final long serialVersionUID = 1L;

    final int status;
    final String error;
    final String wwwAuthenticate;
    /** True when the request had the wrong shape: answered as plain HTTP error even for envelope dialects. */
    final boolean wrongShape;

    OAuthProblem(int status, String error, String description) {
        this(status, error, description, null);
    }

    OAuthProblem(int status, String error, String description, String wwwAuthenticate) {
        this(status, error, description, wwwAuthenticate, false);
    }

    private OAuthProblem(int status, String error, String description, String wwwAuthenticate, boolean wrongShape) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.wwwAuthenticate = wwwAuthenticate;
        this.wrongShape = wrongShape;
    }

    /** Wrong HTTP method (405) or body format (400). */
    static OAuthProblem wrongShape(int status, String description) {
        return new OAuthProblem(status, "invalid_request", description, null, true);
    }

    static OAuthProblem invalidRequest(String description) {
        return new OAuthProblem(400, "invalid_request", description);
    }

    static OAuthProblem invalidGrant(String description) {
        return new OAuthProblem(400, "invalid_grant", description);
    }

    static OAuthProblem invalidClient(String description, boolean basicAttempted) {
        return new OAuthProblem(401, "invalid_client", description,
                basicAttempted ? "Basic realm=\"company-sso\"" : null);
    }

    static OAuthProblem invalidToken(String description) {
        return new OAuthProblem(401, "invalid_token", description,
                "Bearer realm=\"company-sso\", error=\"invalid_token\"");
    }
}
