package dev.companysso.keycloak.config;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;

/**
 * Every setting of a Company SSO provider: its config key, admin-console type, label, help text, default and
 * allowed values. This is the one place that knows them; the admin form, the typed {@link CompanySsoConfig},
 * validation and the README's configuration reference are all derived from (or checked against) this list.
 *
 * <p>Order matters: the admin console shows the fields in this order.
 */
public enum Setting {

    // --- Endpoints -------------------------------------------------------------------------------------------
    AUTHORIZATION_URL("authorizationUrl", Kind.URL, "Authorization URL",
            "The SSO's login (authorize) endpoint. Query parameters that are part of this URL, such as "
                    + "?uuid=..., are kept and sent on every login.", null),
    TOKEN_URL("tokenUrl", Kind.URL, "Token URL",
            "The endpoint where the authorization code is exchanged for the SSO's access token.", null),
    USERINFO_URL("userInfoUrl", Kind.URL, "User info URL",
            "The endpoint that returns the signed-in user's profile. May stay empty when 'User info request' is 'none' "
                    + "and the identity comes from the token answer.", null),
    ISSUER("issuer", Kind.STRING, "Issuer",
            "Optional. When set, an 'iss' parameter on the callback must equal this value (RFC 9207); "
                    + "a mismatch stops the login.", null),

    // --- Authorization request -------------------------------------------------------------------------------
    DEFAULT_SCOPE("defaultScope", Kind.STRING, "Scopes",
            "Scopes to request, separated by spaces in this field (e.g. 'app'). They are joined with the scope "
                    + "delimiter below when sent.", ""),
    SEND_SCOPE("sendScope", Kind.BOOLEAN, "Send scope",
            "Send the scope parameter on the authorization request. Turn off for SSOs that reject it.", "true"),
    SCOPE_DELIMITER("scopeDelimiter", Kind.LIST, "Scope delimiter",
            "How several scopes are joined: 'space' (OAuth2 standard) or 'comma'.", "space", "space", "comma"),
    AUTH_CLIENT_ID_PARAM("authClientIdParam", Kind.STRING, "Client ID parameter (authorization)",
            "Name of the client-id parameter on the authorization request, e.g. 'appid' or 'app_key'.", "client_id"),
    AUTH_EXTRA_PARAMS("authExtraParams", Kind.TEXT, "Extra authorization parameters",
            "Fixed parameters added to the authorization request, one 'name=value' per line.", ""),
    PKCE("pkce", Kind.LIST, "PKCE",
            "Proof Key for Code Exchange (RFC 7636): 'S256' (recommended), 'plain', or 'off' for SSOs that "
                    + "reject the extra parameters.", "S256", "S256", "plain", "off"),
    FORWARD_LOGIN_HINT("forwardLoginHint", Kind.BOOLEAN, "Forward login_hint",
            "Pass the application's login_hint on to the SSO.", "false"),
    FORWARD_PROMPT("forwardPrompt", Kind.BOOLEAN, "Forward prompt",
            "Pass the application's prompt parameter on to the SSO.", "false"),
    FORWARD_UI_LOCALES("forwardUiLocales", Kind.BOOLEAN, "Forward ui_locales",
            "Send the user's Keycloak locale to the SSO as ui_locales.", "false"),

    // --- Token request ---------------------------------------------------------------------------------------
    CLIENT_AUTH_METHOD("clientAuthMethod", Kind.LIST, "Client authentication",
            "How Keycloak proves its identity to the token endpoint: client id and secret in the body "
                    + "(client_secret_post), HTTP Basic with URL-encoded (client_secret_basic) or raw "
                    + "(client_secret_basic_unencoded) credentials, none (client id only), or a signed JWT "
                    + "(client_secret_jwt, private_key_jwt with the realm's key).",
            "client_secret_post", "client_secret_post", "client_secret_basic", "client_secret_basic_unencoded", "none",
            "client_secret_jwt", "private_key_jwt"),
    TOKEN_CLIENT_ID_PARAM("tokenClientIdParam", Kind.STRING, "Client ID parameter (token)",
            "Name of the client-id parameter in the token request body, e.g. 'appid' or 'app_id'.", "client_id"),
    TOKEN_CLIENT_SECRET_PARAM("tokenClientSecretParam", Kind.STRING, "Client secret parameter (token)",
            "Name of the client-secret parameter in the token request body, e.g. 'secret' or 'app_secret'.",
            "client_secret"),
    TOKEN_CODE_PARAM("tokenCodeParam", Kind.STRING, "Code parameter (token)",
            "Name of the authorization-code parameter in the token request.", "code"),
    TOKEN_REDIRECT_URI_PARAM("tokenRedirectUriParam", Kind.STRING, "Redirect URI parameter (token)",
            "Name of the redirect-URI parameter in the token request; '-' leaves it out.", "redirect_uri"),
    TOKEN_GRANT_TYPE_PARAM("tokenGrantTypeParam", Kind.STRING, "Grant type parameter (token)",
            "Name of the grant-type parameter in the token request; '-' leaves it out.", "grant_type"),
    TOKEN_EXTRA_PARAMS("tokenExtraParams", Kind.TEXT, "Extra token parameters",
            "Fixed parameters added to the token request, one 'name=value' per line (e.g. 'scope=app').", ""),
    TOKEN_REQUEST_BODY("tokenRequestBody", Kind.LIST, "Token request body",
            "Send the token request as an HTML form (application/x-www-form-urlencoded, the standard) or as a "
                    + "JSON object.", "form", "form", "json"),

    // --- Token response --------------------------------------------------------------------------------------
    TOKEN_RESPONSE_FORMAT("tokenResponseFormat", Kind.LIST, "Token response format",
            "'auto' reads JSON (also when served as text/plain or text/html) and form-encoded answers; "
                    + "'json' or 'form' accept only that format.", "auto", "auto", "json", "form"),
    TOKEN_SUCCESS_PATH("tokenSuccessPath", Kind.PATH, "Token success path",
            "Envelope: path of the field that tells success, e.g. '$.code'. Empty: no success rule (an OAuth "
                    + "'error' field still means failure).", ""),
    TOKEN_SUCCESS_VALUE("tokenSuccessValue", Kind.STRING, "Token success value",
            "Envelope: the value at the success path that means success, e.g. '0' or 'ok'.", ""),
    TOKEN_SUCCESS_WHEN_MISSING("tokenSuccessWhenMissing", Kind.BOOLEAN, "Token success when marker missing",
            "Envelope: an answer without the success field also succeeds (e.g. WeChat sends 'errcode' only with "
                    + "errors).", "false"),
    TOKEN_PAYLOAD_PATH("tokenPayloadPath", Kind.PATH, "Token payload path",
            "Envelope: path of the object that holds the tokens, e.g. '$.data'. Empty: the whole answer.", ""),
    TOKEN_ERROR_MESSAGE_PATH("tokenErrorMessagePath", Kind.PATH, "Token error message path",
            "Envelope: path of the SSO's error message, shown to the user when the SSO refuses, e.g. '$.msg'.", ""),
    ACCESS_TOKEN_PATH("accessTokenPath", Kind.PATH, "Access token path",
            "Path of the access token inside the token payload.", "$.access_token"),
    REFRESH_TOKEN_PATH("refreshTokenPath", Kind.PATH, "Refresh token path",
            "Path of the refresh token inside the token payload.", "$.refresh_token"),
    EXPIRES_IN_PATH("expiresInPath", Kind.PATH, "Expires-in path",
            "Path of the access token's lifetime in seconds inside the token payload.", "$.expires_in"),

    // --- Userinfo request ------------------------------------------------------------------------------------
    USERINFO_METHOD("userInfoMethod", Kind.LIST, "User info request",
            "HTTP method of the user info call, or 'none' to take the identity from the token answer alone.",
            "GET", "GET", "POST", "none"),
    USERINFO_TOKEN_LOCATION("userInfoTokenLocation", Kind.LIST, "Access token location",
            "Where the access token goes on the user info call: the Authorization header ('header'), a query "
                    + "parameter ('query'), a form field ('form', POST only) or a custom header ('custom-header').",
            "header", "header", "query", "form", "custom-header"),
    USERINFO_TOKEN_PARAM("userInfoTokenParam", Kind.STRING, "Access token parameter name",
            "Name of the query parameter, form field or header that carries the token when the location is not "
                    + "'header'.", "access_token"),
    USERINFO_AUTH_SCHEME("userInfoAuthScheme", Kind.STRING, "Authorization scheme",
            "Scheme of the Authorization header: 'Authorization: <scheme> <token>'.", "Bearer"),
    USERINFO_EXTRA_PARAMS("userInfoExtraParams", Kind.TEXT, "Extra user info parameters",
            "Parameters added to the user info call, one 'name=value' per line. A value may take fields of the "
                    + "token answer: 'openid=${token.openid}'.", ""),
    USERINFO_HEADERS("userInfoHeaders", Kind.TEXT, "Extra user info headers",
            "Headers added to the user info call, one 'Name: value' per line; '${token.<path>}' works here too.", ""),
    USERINFO_RESPONSE_FORMAT("userInfoResponseFormat", Kind.LIST, "User info response format",
            "'auto' reads JSON (whatever the content type), form-encoded answers and signed JWTs; or force one.",
            "auto", "auto", "json", "form", "jwt"),
    USERINFO_JWKS_URL("userInfoJwksUrl", Kind.URL, "User info JWKS URL",
            "When the user info answer is a JWT: the SSO's JSON Web Key Set. When set, the JWT's signature is "
                    + "checked and a bad signature stops the login.", null),
    USERINFO_SUCCESS_PATH("userInfoSuccessPath", Kind.PATH, "User info success path",
            "Envelope: path of the field that tells success, e.g. '$.code'.", ""),
    USERINFO_SUCCESS_VALUE("userInfoSuccessValue", Kind.STRING, "User info success value",
            "Envelope: the value at the success path that means success.", ""),
    USERINFO_SUCCESS_WHEN_MISSING("userInfoSuccessWhenMissing", Kind.BOOLEAN, "User info success when marker missing",
            "Envelope: a user info answer without the success field also succeeds.", "false"),
    USERINFO_PAYLOAD_PATH("userInfoPayloadPath", Kind.PATH, "User info payload path",
            "Envelope: path of the object that holds the profile, e.g. '$.data'. Empty: the whole answer.", ""),
    USERINFO_ERROR_MESSAGE_PATH("userInfoErrorMessagePath", Kind.PATH, "User info error message path",
            "Envelope: path of the SSO's error message, e.g. '$.msg'.", ""),

    // --- Second profile call ---------------------------------------------------------------------------------
    PROFILE_URL("profileUrl", Kind.URL, "Second profile URL",
            "Optional second call (e.g. roles or departments), made like the user info call (same token location, "
                    + "headers and envelope). Its answer is merged into the profile under the key below.", null),
    PROFILE_METHOD("profileMethod", Kind.LIST, "Second profile call method",
            "HTTP method of the second profile call.", "GET", "GET", "POST"),
    PROFILE_KEY("profileKey", Kind.STRING, "Second profile key",
            "Key under which the second call's answer appears in the profile, e.g. 'extra' makes its 'roles' "
                    + "readable as '$.extra.roles'.", "extra"),

    // --- Identity --------------------------------------------------------------------------------------------
    ID_PATH("idPath", Kind.PATH, "User ID path",
            "Path of the user's unique, stable id in the profile (numbers become text), e.g. '$.data.user.id'.",
            "$.sub"),
    USERNAME_PATH("usernamePath", Kind.PATH, "Username path",
            "Path of the username. When missing, the email, then the id, is used.", "$.preferred_username"),
    EMAIL_PATH("emailPath", Kind.PATH, "Email path", "Path of the email address.", "$.email"),
    EMAIL_VERIFIED_PATH("emailVerifiedPath", Kind.PATH, "Email verified path",
            "Path of a true/false field saying the SSO verified the email.", "$.email_verified"),
    FIRST_NAME_PATH("firstNamePath", Kind.PATH, "First name path", "Path of the first (given) name.",
            "$.given_name"),
    LAST_NAME_PATH("lastNamePath", Kind.PATH, "Last name path", "Path of the last (family) name.", "$.family_name"),
    FULL_NAME_PATH("fullNamePath", Kind.PATH, "Full name path",
            "Path of the full name, used when first and last name are missing: split at the last space, or, "
                    + "for names without spaces (e.g. Chinese), kept whole as the first name.", "$.name"),

    // --- Logout ----------------------------------------------------------------------------------------------
    LOGOUT_URL("logoutUrl", Kind.URL, "Logout URL",
            "Optional. When set, signing out of Keycloak also ends the session at the company SSO.", null),
    LOGOUT_MODE("logoutMode", Kind.LIST, "Logout mode",
            "'redirect': the browser visits the SSO's logout URL and comes back to Keycloak to finish; "
                    + "'backchannel': Keycloak calls the logout URL itself (also for logouts without a browser).",
            "redirect", "redirect", "backchannel"),
    LOGOUT_REDIRECT_PARAM("logoutRedirectParam", Kind.STRING, "Logout return parameter",
            "Redirect mode: name of the parameter that carries the URL the SSO sends the browser back to, e.g. "
                    + "'post_logout_redirect_uri', 'redirect_uri' or 'service'; '-' leaves it out.",
            "post_logout_redirect_uri"),
    LOGOUT_PARAMS("logoutParams", Kind.TEXT, "Extra logout parameters",
            "Parameters added to the logout call, one 'name=value' per line; '${access_token}' and '${client_id}' "
                    + "are filled in (e.g. 'access_token=${access_token}').", ""),

    // --- Limits ----------------------------------------------------------------------------------------------
    CONNECT_TIMEOUT_MILLIS("connectTimeoutMillis", Kind.NUMBER, "Connect timeout (ms)",
            "How long to wait for a TCP connection to the SSO.", "3000"),
    READ_TIMEOUT_MILLIS("readTimeoutMillis", Kind.NUMBER, "Read timeout (ms)",
            "How long to wait for the SSO's answer once connected.", "10000"),
    MAX_RESPONSE_BYTES("maxResponseBytes", Kind.NUMBER, "Maximum answer size (bytes)",
            "Larger answers from the SSO are refused.", "1048576");

    /** How a setting is shown in the admin console. */
    public enum Kind {
        STRING(ProviderConfigProperty.STRING_TYPE),
        /** A path expression, checked when the provider is saved. */
        PATH(ProviderConfigProperty.STRING_TYPE),
        /** A positive whole number. */
        NUMBER(ProviderConfigProperty.STRING_TYPE),
        /*
         * A URL is edited as a text field. Keycloak 26's admin console renders ProviderConfigProperty.URL_TYPE as a
         * read-only link (UrlComponent: a FormattedLink, no input), so an admin could never type the endpoints.
         * URLs are checked by CompanySsoConfig.validate when the provider is saved.
         */
        URL(ProviderConfigProperty.STRING_TYPE),
        TEXT(ProviderConfigProperty.TEXT_TYPE),
        BOOLEAN(ProviderConfigProperty.BOOLEAN_TYPE),
        LIST(ProviderConfigProperty.LIST_TYPE);

        private final String consoleType;

        Kind(String consoleType) {
            this.consoleType = consoleType;
        }

        /** The admin console's field type ({@code ProviderConfigProperty} type constant). */
        public String consoleType() {
            return consoleType;
        }
    }

    private final String key;
    private final Kind kind;
    private final String label;
    private final String helpText;
    private final String defaultValue;
    private final List<String> options;

    Setting(String key, Kind kind, String label, String helpText, String defaultValue, String... options) {
        this.key = key;
        this.kind = kind;
        this.label = label;
        this.helpText = helpText;
        this.defaultValue = defaultValue;
        this.options = List.of(options);
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public String helpText() {
        return helpText;
    }

    /** The default, or null when the setting has none (it is then optional or required). */
    public String defaultValue() {
        return defaultValue;
    }

    public List<String> options() {
        return options;
    }
}
