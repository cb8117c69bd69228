package dev.companysso.simulator;

/** The simulator's endpoint paths. */
public final class SsoPaths {

    public static final String AUTHORIZE = "/sso/oauth/authorize";
    public static final String LOGIN = "/sso/oauth/login";
    public static final String TOKEN = "/sso/oauth/token";
    public static final String USERINFO = "/sso/oauth/userinfo";
    public static final String PROFILE = "/sso/oauth/profile";
    public static final String JWKS = "/sso/oauth/jwks";
    public static final String LOGOUT = "/sso/oauth/logout";
    public static final String API_ME = "/sso/api/me";
    public static final String METADATA = "/.well-known/oauth-authorization-server";
    /** Not part of the SSO: a stand-in application page an OIDC client can redirect to, for browser tests and demos. */
    public static final String APP_CALLBACK = "/app/callback";

    private SsoPaths() {
    }
}
