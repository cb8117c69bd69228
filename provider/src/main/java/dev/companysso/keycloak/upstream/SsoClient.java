package dev.companysso.keycloak.upstream;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.companysso.keycloak.config.CompanySsoConfig;
import dev.companysso.keycloak.config.NameValue;
import dev.companysso.keycloak.config.Setting;
import dev.companysso.keycloak.error.UpstreamCall;
import dev.companysso.keycloak.error.UpstreamException;
import dev.companysso.keycloak.error.UpstreamFailure;
import dev.companysso.keycloak.path.JsonPath;
import dev.companysso.keycloak.response.Envelope;
import dev.companysso.keycloak.response.ResponseFormat;
import dev.companysso.keycloak.response.UpstreamAnswer;
import dev.companysso.keycloak.response.UpstreamResponseReader;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.models.KeycloakSession;

/**
 * The calls Keycloak makes to the company SSO, each shaped by the provider's dialect settings: the code exchange,
 * the refresh grant, the user info call and the optional second profile call.
 */
public final class SsoClient {

    private final CompanySsoConfig config;
    private final UpstreamHttp http;
    private final ClientAuthentication clientAuthentication;
    private final JwtSignatureCheck jwtSignatureCheck;

    public SsoClient(KeycloakSession session, CompanySsoConfig config, UnaryOperator<SimpleHttpRequest> jwtAssertion) {
        this.config = config;
        this.http = new UpstreamHttp(session, config);
        this.clientAuthentication = new ClientAuthentication(session, config, jwtAssertion);
        this.jwtSignatureCheck = new JwtSignatureCheck(http, config);
    }

    /** Exchanges the authorization code; sent exactly once, whatever happens. */
    public TokenAnswer exchangeCode(String code, String redirectUri, String codeVerifier) {
        Map<String, String> params = new LinkedHashMap<>();
        putIfNamed(params, Setting.TOKEN_GRANT_TYPE_PARAM, "authorization_code");
        putIfNamed(params, Setting.TOKEN_CODE_PARAM, code);
        putIfNamed(params, Setting.TOKEN_REDIRECT_URI_PARAM, redirectUri);
        if (codeVerifier != null) {
            params.put("code_verifier", codeVerifier);
        }
        return requestToken(UpstreamCall.TOKEN, params);
    }

    /** The refresh grant, in the same dialect as the login (renamed parameters, client authentication, envelope). */
    public TokenAnswer refresh(String refreshToken) {
        Map<String, String> params = new LinkedHashMap<>();
        putIfNamed(params, Setting.TOKEN_GRANT_TYPE_PARAM, "refresh_token");
        params.put("refresh_token", refreshToken);
        return requestToken(UpstreamCall.REFRESH, params);
    }

    /**
     * The SSO's logout URL with the configured parameters; {@code returnUrl} goes into the return parameter
     * (redirect mode) and may be null (back-channel).
     */
    public String logoutUrl(String accessToken, String sessionState, String returnUrl) {
        UriBuilder uri = UriBuilder.fromUri(config.get(Setting.LOGOUT_URL)).queryParam("state", sessionState);
        String returnParam = config.paramName(Setting.LOGOUT_REDIRECT_PARAM);
        if (returnUrl != null && returnParam != null) {
            uri.queryParam(returnParam, returnUrl);
        }
        TokenAnswer token = new TokenAnswer(null, accessToken == null ? "" : accessToken, null, null);
        for (NameValue param : config.nameValues(Setting.LOGOUT_PARAMS)) {
            uri.queryParam(param.name(), Placeholders.fill(param.value(), token, config.getClientId()));
        }
        return uri.build().toString();
    }

    /** Back-channel logout: one GET, its answer read and closed; failures are the caller's to log. */
    public int logout(String url) {
        return http.execute(UpstreamCall.LOGOUT, http.get(url)).status();
    }

    public ObjectNode fetchUserInfo(TokenAnswer token) {
        return fetchProfile(UpstreamCall.USERINFO, config.getUserInfoUrl(), config.get(Setting.USERINFO_METHOD), token);
    }

    public ObjectNode fetchSecondProfile(TokenAnswer token) {
        return fetchProfile(UpstreamCall.PROFILE, config.get(Setting.PROFILE_URL), config.get(Setting.PROFILE_METHOD), token);
    }

    private TokenAnswer requestToken(UpstreamCall call, Map<String, String> params) {
        for (NameValue extra : config.nameValues(Setting.TOKEN_EXTRA_PARAMS)) {
            params.put(extra.name(), extra.value());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        clientAuthentication.apply(params, headers, http);

        SimpleHttpRequest request = http.post(config.getTokenUrl());
        headers.forEach(request::header);
        request.header("Accept", "application/json");
        if (config.isJsonTokenRequest()) {
            request.json(params);
        } else {
            request.params(params);
        }
        return readTokenAnswer(config, call, http.execute(call, request));
    }

    /** Reads a token answer with the dialect's format, envelope and token paths (also used by the dry run). */
    public static TokenAnswer readTokenAnswer(CompanySsoConfig config, UpstreamCall call, UpstreamAnswer answer) {
        ObjectNode payload = UpstreamResponseReader.read(call, answer, config.tokenResponseFormat(), config.tokenEnvelope());
        JsonPath accessTokenPath = config.path(Setting.ACCESS_TOKEN_PATH);
        String accessToken = accessTokenPath.selectText(payload).orElseThrow(() -> new UpstreamException(
                UpstreamFailure.MISSING_TOKEN, call.label() + ": no access token at " + accessTokenPath));
        String refreshToken = config.path(Setting.REFRESH_TOKEN_PATH).selectText(payload).orElse(null);
        Long expiresIn = config.path(Setting.EXPIRES_IN_PATH).selectText(payload).map(SsoClient::parseSeconds).orElse(null);
        return new TokenAnswer(payload, accessToken, refreshToken, expiresIn);
    }

    private ObjectNode fetchProfile(UpstreamCall call, String url, String method, TokenAnswer token) {
        boolean post = "POST".equalsIgnoreCase(method);
        String tokenLocation = config.get(Setting.USERINFO_TOKEN_LOCATION);
        String tokenParam = config.get(Setting.USERINFO_TOKEN_PARAM);

        Map<String, String> params = new LinkedHashMap<>();
        for (NameValue extra : config.nameValues(Setting.USERINFO_EXTRA_PARAMS)) {
            params.put(extra.name(), Placeholders.fill(extra.value(), token, config.getClientId()));
        }
        String target = url;
        switch (tokenLocation) {
            case "query" -> {
                if (post) {
                    target = UriBuilder.fromUri(URI.create(url)).queryParam(tokenParam, token.accessToken()).build().toString();
                } else {
                    params.put(tokenParam, token.accessToken());
                }
            }
            case "form" -> params.put(tokenParam, token.accessToken());
            default -> { } // headers, below
        }

        SimpleHttpRequest request = post ? http.post(target) : http.get(target);
        if ("header".equals(tokenLocation)) {
            request.header("Authorization", config.get(Setting.USERINFO_AUTH_SCHEME) + " " + token.accessToken());
        } else if ("custom-header".equals(tokenLocation)) {
            request.header(tokenParam, token.accessToken());
        }
        for (NameValue header : config.nameValues(Setting.USERINFO_HEADERS)) {
            request.header(header.name(), Placeholders.fill(header.value(), token, config.getClientId()));
        }
        request.header("Accept", "application/json");
        if (post || !params.isEmpty()) {
            request.params(params); // GET: appended to the query; POST: a form body (possibly empty)
        }

        UpstreamAnswer answer = http.execute(call, request);
        ResponseFormat format = config.userInfoResponseFormat();
        if (jwtSignatureCheck.applies(format, answer)) {
            jwtSignatureCheck.verify(call, answer.body().trim());
        }
        Envelope envelope = config.userInfoEnvelope();
        return UpstreamResponseReader.read(call, answer, format, envelope);
    }

    private void putIfNamed(Map<String, String> params, Setting nameSetting, String value) {
        String name = config.paramName(nameSetting);
        if (name != null && value != null) {
            params.put(name, value);
        }
    }

    private static Long parseSeconds(String text) {
        try {
            return (long) Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null; // an unreadable lifetime is treated as unknown, not as a failed login
        }
    }
}
