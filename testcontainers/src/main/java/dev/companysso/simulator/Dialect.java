package dev.companysso.simulator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the simulated SSO bends OAuth2: an immutable value. Start from a preset ({@link #seed()}, {@link #plain()},
 * {@link #envelope()}, {@link #wechat()}, {@link #feishu()}) and change it with {@link #with(Consumer)} or
 * {@link #toBuilder()}.
 */
public record Dialect(
        String name,
        // --- authorization request
        String requiredUuid,
        String clientIdParam,
        String requiredScope,
        String scopeDelimiter,
        Pkce pkce,
        String issuer,
        // --- token request
        ClientAuth clientAuth,
        TokenParamNames tokenParamNames,
        boolean requireRedirectUri,
        Map<String, String> requiredTokenParams,
        TokenRequestFormat tokenRequestFormat,
        // --- token response
        TokenResponseFormat tokenResponseFormat,
        TokenFieldNames tokenFieldNames,
        Envelope tokenEnvelope,
        boolean tokenExtraFields,
        long expiresIn,
        boolean rotateRefreshToken,
        // --- userinfo / profile
        UserinfoMethod userinfoMethod,
        TokenLocation tokenLocation,
        String tokenParamName,
        String authScheme,
        String requireOpenidParam,
        Map<String, String> requiredUserinfoHeaders,
        ProfileShape profileShape,
        Envelope userinfoEnvelope,
        UserinfoFormat userinfoFormat,
        boolean signWithWrongKey) {

    /** The seed story's uuid. */
    public static final String SEED_UUID = "CF7E5931A9C3F11770B700F3F7106FEB";

    /** How PKCE (RFC 7636) is treated. */
    public enum Pkce {
        /** code_challenge is ignored, code_verifier too. */
        IGNORED,
        /** verified when a challenge was sent at the authorize step. */
        OPTIONAL,
        REQUIRED_S256,
        REQUIRED_PLAIN
    }

    /** How the client authenticates at the token endpoint. */
    public enum ClientAuth {
        /** id and secret as token request parameters (client_secret_post). */
        POST,
        /** {@code Authorization: Basic base64(urlencode(id) ":" urlencode(secret))} (RFC 6749 2.3.1). */
        BASIC,
        /** {@code Authorization: Basic base64(id ":" secret)} without form-encoding. */
        BASIC_UNENCODED,
        /** public client: only the client id is checked. */
        NONE,
        /** POST or either Basic variant. */
        ANY,
        /**
         * A signed JWT (RFC 7523): client_assertion_type jwt-bearer and a client_assertion with iss = sub = the
         * client id, not expired; HS256 signed with the client secret (client_secret_jwt), or RS256 verified with
         * the key registered by {@link CompanySsoSimulator#clientPublicKey(java.security.PublicKey)}
         * (private_key_jwt).
         */
        JWT
    }

    public enum TokenRequestFormat { FORM, JSON }

    public enum TokenResponseFormat { JSON, JSON_AS_TEXT_PLAIN, JSON_AS_TEXT_HTML, FORM }

    public enum UserinfoMethod { GET, POST, ANY }

    public enum TokenLocation {
        /** {@code Authorization: <authScheme> <token>}. */
        AUTHORIZATION_HEADER,
        /** query parameter {@code tokenParamName}. */
        QUERY,
        /** form body parameter {@code tokenParamName} (needs POST). */
        FORM,
        /** header named {@code tokenParamName} carrying the bare token. */
        CUSTOM_HEADER
    }

    public enum ProfileShape { NESTED, FLAT, FULL_NAME_ONLY, WECHAT }

    public enum UserinfoFormat { JSON, JSON_AS_TEXT_PLAIN, JSON_AS_TEXT_HTML, JWT }

    public Dialect {
        Objects.requireNonNull(clientIdParam, "clientIdParam");
        Objects.requireNonNull(pkce, "pkce");
        Objects.requireNonNull(clientAuth, "clientAuth");
        Objects.requireNonNull(tokenParamNames, "tokenParamNames");
        Objects.requireNonNull(tokenRequestFormat, "tokenRequestFormat");
        Objects.requireNonNull(tokenResponseFormat, "tokenResponseFormat");
        Objects.requireNonNull(tokenFieldNames, "tokenFieldNames");
        Objects.requireNonNull(userinfoMethod, "userinfoMethod");
        Objects.requireNonNull(tokenLocation, "tokenLocation");
        Objects.requireNonNull(profileShape, "profileShape");
        Objects.requireNonNull(userinfoFormat, "userinfoFormat");
        if (scopeDelimiter == null || scopeDelimiter.isEmpty()) {
            scopeDelimiter = " ";
        }
        if (tokenParamName == null || tokenParamName.isBlank()) {
            tokenParamName = "access_token";
        }
        if (authScheme == null || authScheme.isBlank()) {
            authScheme = "Bearer";
        }
        if (expiresIn <= 0) {
            throw new IllegalArgumentException("expiresIn must be positive");
        }
        requiredTokenParams = Map.copyOf(requiredTokenParams == null ? Map.of() : requiredTokenParams);
        requiredUserinfoHeaders = Map.copyOf(requiredUserinfoHeaders == null ? Map.of() : requiredUserinfoHeaders);
        name = name == null ? "custom" : name;
    }

    // ---------------------------------------------------------------- presets

    /** The seed story: uuid, client_id, scope app, client_secret_post, JSON answers, Bearer userinfo, NESTED. */
    public static Dialect seed() { return DialectPresets.seed(); }

    /** Standard OAuth2: no uuid, no scope check, any client auth, FLAT profile. */
    public static Dialect plain() { return DialectPresets.plain(); }

    /** Like seed, but token and userinfo answers wrapped in {@code {code:0,msg:"success",data:{...}}}. */
    public static Dialect envelope() { return DialectPresets.envelope(); }

    /** WeChat-like: appid/secret, token answer as text/plain with openid, userinfo by query + openid. */
    public static Dialect wechat() { return DialectPresets.wechat(); }

    /** Feishu-like: JSON token request with app_id/app_secret, {code,msg,data} answers, FLAT profile. */
    public static Dialect feishu() { return DialectPresets.feishu(); }

    /** A preset by name: seed, plain, envelope, wechat, feishu (case-insensitive). */
    public static Dialect byName(String presetName) {
        return switch (presetName.toLowerCase(Locale.ROOT)) {
            case "seed" -> seed();
            case "plain" -> plain();
            case "envelope" -> envelope();
            case "wechat" -> wechat();
            case "feishu" -> feishu();
            default -> throw new IllegalArgumentException(
                    "unknown dialect '" + presetName + "' (seed, plain, envelope, wechat, feishu)");
        };
    }

    // ---------------------------------------------------------------- copies

    /** A changed copy: {@code Dialect.seed().with(b -> b.pkce(Pkce.REQUIRED_S256))}. */
    public Dialect with(Consumer<Builder> change) {
        Builder b = toBuilder();
        change.accept(b);
        return b.build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder starting from {@link #seed()}. */
    public static Builder builder() {
        return seed().toBuilder();
    }

    /** True when {@code scopeParam} split by the delimiter contains the required scope (or none is required). */
    public boolean scopeSatisfied(String scopeParam) {
        if (requiredScope == null) {
            return true;
        }
        if (scopeParam == null) {
            return false;
        }
        for (String s : scopeParam.split(java.util.regex.Pattern.quote(scopeDelimiter))) {
            if (s.trim().equals(requiredScope)) {
                return true;
            }
        }
        return false;
    }

    /** Mutable builder for {@link Dialect}. */
    public static final class Builder {
        private String name;
        private String requiredUuid;
        private String clientIdParam;
        private String requiredScope;
        private String scopeDelimiter;
        private Pkce pkce;
        private String issuer;
        private ClientAuth clientAuth;
        private TokenParamNames tokenParamNames;
        private boolean requireRedirectUri;
        private Map<String, String> requiredTokenParams;
        private TokenRequestFormat tokenRequestFormat;
        private TokenResponseFormat tokenResponseFormat;
        private TokenFieldNames tokenFieldNames;
        private Envelope tokenEnvelope;
        private boolean tokenExtraFields;
        private long expiresIn;
        private boolean rotateRefreshToken;
        private UserinfoMethod userinfoMethod;
        private TokenLocation tokenLocation;
        private String tokenParamName;
        private String authScheme;
        private String requireOpenidParam;
        private Map<String, String> requiredUserinfoHeaders;
        private ProfileShape profileShape;
        private Envelope userinfoEnvelope;
        private UserinfoFormat userinfoFormat;
        private boolean signWithWrongKey;

        private Builder(Dialect d) {
            name = d.name;
            requiredUuid = d.requiredUuid;
            clientIdParam = d.clientIdParam;
            requiredScope = d.requiredScope;
            scopeDelimiter = d.scopeDelimiter;
            pkce = d.pkce;
            issuer = d.issuer;
            clientAuth = d.clientAuth;
            tokenParamNames = d.tokenParamNames;
            requireRedirectUri = d.requireRedirectUri;
            requiredTokenParams = new LinkedHashMap<>(d.requiredTokenParams);
            tokenRequestFormat = d.tokenRequestFormat;
            tokenResponseFormat = d.tokenResponseFormat;
            tokenFieldNames = d.tokenFieldNames;
            tokenEnvelope = d.tokenEnvelope;
            tokenExtraFields = d.tokenExtraFields;
            expiresIn = d.expiresIn;
            rotateRefreshToken = d.rotateRefreshToken;
            userinfoMethod = d.userinfoMethod;
            tokenLocation = d.tokenLocation;
            tokenParamName = d.tokenParamName;
            authScheme = d.authScheme;
            requireOpenidParam = d.requireOpenidParam;
            requiredUserinfoHeaders = new LinkedHashMap<>(d.requiredUserinfoHeaders);
            profileShape = d.profileShape;
            userinfoEnvelope = d.userinfoEnvelope;
            userinfoFormat = d.userinfoFormat;
            signWithWrongKey = d.signWithWrongKey;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder requiredUuid(String v) { requiredUuid = v; return this; }
        public Builder clientIdParam(String v) { clientIdParam = v; return this; }
        public Builder requiredScope(String v) { requiredScope = v; return this; }
        public Builder scopeDelimiter(String v) { scopeDelimiter = v; return this; }
        public Builder pkce(Pkce v) { pkce = v; return this; }
        public Builder issuer(String v) { issuer = v; return this; }
        public Builder clientAuth(ClientAuth v) { clientAuth = v; return this; }
        public Builder tokenParamNames(TokenParamNames v) { tokenParamNames = v; return this; }
        public Builder requireRedirectUri(boolean v) { requireRedirectUri = v; return this; }
        public Builder requiredTokenParams(Map<String, String> v) {
            requiredTokenParams = new LinkedHashMap<>(v == null ? Map.of() : v);
            return this;
        }
        public Builder requiredTokenParam(String param, String value) {
            requiredTokenParams.put(param, value);
            return this;
        }
        public Builder tokenRequestFormat(TokenRequestFormat v) { tokenRequestFormat = v; return this; }
        public Builder tokenResponseFormat(TokenResponseFormat v) { tokenResponseFormat = v; return this; }
        public Builder tokenFieldNames(TokenFieldNames v) { tokenFieldNames = v; return this; }
        public Builder tokenEnvelope(Envelope v) { tokenEnvelope = v; return this; }
        public Builder tokenExtraFields(boolean v) { tokenExtraFields = v; return this; }
        public Builder expiresIn(long seconds) { expiresIn = seconds; return this; }
        public Builder rotateRefreshToken(boolean v) { rotateRefreshToken = v; return this; }
        public Builder userinfoMethod(UserinfoMethod v) { userinfoMethod = v; return this; }
        public Builder tokenLocation(TokenLocation v) { tokenLocation = v; return this; }
        public Builder tokenParamName(String v) { tokenParamName = v; return this; }
        public Builder authScheme(String v) { authScheme = v; return this; }
        public Builder requireOpenidParam(String v) { requireOpenidParam = v; return this; }
        public Builder requiredUserinfoHeaders(Map<String, String> v) {
            requiredUserinfoHeaders = new LinkedHashMap<>(v == null ? Map.of() : v);
            return this;
        }
        public Builder requiredUserinfoHeader(String header, String value) {
            requiredUserinfoHeaders.put(header, value);
            return this;
        }
        public Builder profileShape(ProfileShape v) { profileShape = v; return this; }
        public Builder userinfoEnvelope(Envelope v) { userinfoEnvelope = v; return this; }
        public Builder userinfoFormat(UserinfoFormat v) { userinfoFormat = v; return this; }
        public Builder signWithWrongKey(boolean v) { signWithWrongKey = v; return this; }

        public Dialect build() {
            return new Dialect(name, requiredUuid, clientIdParam, requiredScope, scopeDelimiter, pkce, issuer,
                    clientAuth, tokenParamNames, requireRedirectUri, requiredTokenParams, tokenRequestFormat,
                    tokenResponseFormat, tokenFieldNames, tokenEnvelope, tokenExtraFields, expiresIn,
                    rotateRefreshToken, userinfoMethod, tokenLocation, tokenParamName, authScheme,
                    requireOpenidParam, requiredUserinfoHeaders, profileShape, userinfoEnvelope, userinfoFormat,
                    signWithWrongKey);
        }
    }
}
