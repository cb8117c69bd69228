package dev.companysso.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A "standard" OAuth2 client that follows whatever rules the simulator's current {@link Dialect} states —
 * written only against the public API, to prove each preset is round-trip consistent.
 */
final class DialectClient {

    static final String REDIRECT_URI = "http://localhost:9999/callback";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");
    private static final Pattern ACTION = Pattern.compile("<form id=\"sso-login\" method=\"post\" action=\"([^\"]*)\"");

    /** The parsed token answer. */
    record Tokens(String accessToken, String refreshToken, long expiresIn, ObjectNode raw) {
    }

    private final CompanySsoSimulator sim;
    private final HttpClient http;

    DialectClient(CompanySsoSimulator sim) {
        this(sim, newHttpClient());
    }

    DialectClient(CompanySsoSimulator sim, HttpClient http) {
        this.sim = sim;
        this.http = http;
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    Dialect dialect() {
        return sim.dialect();
    }

    // ---------------------------------------------------------------- authorize + login

    /** The authorize parameters a well-behaved client sends for the current dialect. */
    Map<String, String> authorizeParams(String state) {
        Dialect d = dialect();
        Map<String, String> p = new LinkedHashMap<>();
        p.put(d.clientIdParam(), sim.clientId());
        p.put("redirect_uri", REDIRECT_URI);
        p.put("state", state);
        p.put("scope", d.requiredScope() != null ? d.requiredScope() : "openid");
        p.put("response_type", "code");
        return p;
    }

    HttpResponse<String> authorize(Map<String, String> params) {
        String url = sim.authorizeUrl();
        return get(url + (url.contains("?") ? "&" : "?") + form(params), Map.of());
    }

    static Map<String, String> hiddenFields(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            out.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        return out;
    }

    /** Posts the login form found in {@code loginPage}. */
    HttpResponse<String> submitLogin(String loginPage, String username, String password) {
        Matcher action = ACTION.matcher(loginPage);
        if (!action.find()) {
            throw new AssertionError("no login form in: " + loginPage);
        }
        Map<String, String> fields = hiddenFields(loginPage);
        fields.put("username", username);
        fields.put("password", password);
        return post(sim.baseUrl() + unescape(action.group(1)), "application/x-www-form-urlencoded", form(fields),
                Map.of());
    }

    /** authorize -> form -> login; returns the redirect's query parameters. */
    Map<String, String> loginForCallback(String username, String password, Map<String, String> extraAuthorizeParams) {
        Map<String, String> params = authorizeParams("st-" + username);
        params.putAll(extraAuthorizeParams);
        HttpResponse<String> page = authorize(params);
        if (page.statusCode() != 200) {
            throw new AssertionError("authorize answered " + page.statusCode() + ": " + page.body());
        }
        HttpResponse<String> login = submitLogin(page.body(), username, password);
        if (login.statusCode() != 302) {
            throw new AssertionError("login answered " + login.statusCode() + ": " + login.body());
        }
        String location = login.headers().firstValue("Location").orElseThrow();
        if (!location.startsWith(REDIRECT_URI + "?")) {
            throw new AssertionError("unexpected redirect " + location);
        }
        return queryOf(location);
    }

    String loginForCode(String username, String password) {
        return loginForCallback(username, password, Map.of()).get("code");
    }

    // ---------------------------------------------------------------- token

    /** The token request parameters (logical values, dialect names). */
    Map<String, String> codeGrantParams(String code, String verifier) {
        Dialect d = dialect();
        TokenParamNames n = d.tokenParamNames();
        Map<String, String> p = new LinkedHashMap<>();
        p.put(n.grantType(), "authorization_code");
        p.put(n.code(), code);
        if (d.requireRedirectUri()) {
            p.put(n.redirectUri(), REDIRECT_URI);
        }
        if (verifier != null) {
            p.put("code_verifier", verifier);
        }
        p.putAll(d.requiredTokenParams());
        return p;
    }

    Map<String, String> refreshGrantParams(String refreshToken) {
        Dialect d = dialect();
        Map<String, String> p = new LinkedHashMap<>();
        p.put(d.tokenParamNames().grantType(), "refresh_token");
        p.put("refresh_token", refreshToken);
        p.putAll(d.requiredTokenParams());
        return p;
    }

    /** Sends a token request with the dialect's client authentication and body format. */
    HttpResponse<String> tokenRequest(Map<String, String> grantParams, String secret) {
        Dialect d = dialect();
        TokenParamNames n = d.tokenParamNames();
        Map<String, String> body = new LinkedHashMap<>(grantParams);
        Map<String, String> headers = new LinkedHashMap<>();
        switch (d.clientAuth()) {
            case POST, ANY -> {
                body.put(n.clientId(), sim.clientId());
                body.put(n.clientSecret(), secret);
            }
            case BASIC -> headers.put("Authorization", basic(enc(sim.clientId()) + ":" + enc(secret)));
            case BASIC_UNENCODED -> headers.put("Authorization", basic(sim.clientId() + ":" + secret));
            case NONE -> body.put(n.clientId(), sim.clientId());
            default -> throw new IllegalStateException();
        }
        if (d.tokenRequestFormat() == Dialect.TokenRequestFormat.JSON) {
            ObjectNode json = JSON.createObjectNode();
            body.forEach(json::put);
            return post(sim.tokenUrl(), "application/json", json.toString(), headers);
        }
        return post(sim.tokenUrl(), "application/x-www-form-urlencoded", form(body), headers);
    }

    /** Parses the token answer's body into a JSON object (form answers included), before unwrapping. */
    ObjectNode tokenBody(HttpResponse<String> response) {
        if (dialect().tokenResponseFormat() == Dialect.TokenResponseFormat.FORM) {
            ObjectNode o = JSON.createObjectNode();
            queryOf("?" + response.body()).forEach(o::put);
            return o;
        }
        return (ObjectNode) readJson(response.body());
    }

    /** Unwraps and reads a successful token answer; fails on errors. */
    Tokens tokens(HttpResponse<String> response) {
        Dialect d = dialect();
        if (response.statusCode() != 200) {
            throw new AssertionError("token answered " + response.statusCode() + ": " + response.body());
        }
        ObjectNode body = tokenBody(response);
        Envelope env = d.tokenEnvelope();
        if (env != null) {
            if (!env.isSuccess(body)) {
                throw new AssertionError("token envelope error: " + body);
            }
            body = env.payload(body);
        }
        TokenFieldNames f = d.tokenFieldNames();
        return new Tokens(body.path(f.accessToken()).asText(null),
                f.refreshToken() == null ? null : body.path(f.refreshToken()).asText(null),
                f.expiresIn() == null ? -1 : body.path(f.expiresIn()).asLong(-1), body);
    }

    Tokens exchange(String code, String verifier) {
        return tokens(tokenRequest(codeGrantParams(code, verifier), sim.clientSecret()));
    }

    Tokens loginAndExchange(String username, String password) {
        return exchange(loginForCode(username, password), null);
    }

    // ---------------------------------------------------------------- userinfo / profile

    /** Calls userinfo or profile as the dialect wants it. */
    HttpResponse<String> protectedCall(String url, Tokens tokens) {
        Dialect d = dialect();
        boolean post = d.userinfoMethod() == Dialect.UserinfoMethod.POST;
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>(d.requiredUserinfoHeaders());
        switch (d.tokenLocation()) {
            case AUTHORIZATION_HEADER -> headers.put("Authorization", d.authScheme() + " " + tokens.accessToken());
            case QUERY, FORM -> params.put(d.tokenParamName(), tokens.accessToken());
            case CUSTOM_HEADER -> headers.put(d.tokenParamName(), tokens.accessToken());
            default -> throw new IllegalStateException();
        }
        if (d.requireOpenidParam() != null) {
            params.put(d.requireOpenidParam(), tokens.raw().path("openid").asText());
        }
        if (d.tokenLocation() == Dialect.TokenLocation.FORM || post) {
            String query = d.tokenLocation() == Dialect.TokenLocation.QUERY ? "?" + form(params) : "";
            String body = d.tokenLocation() == Dialect.TokenLocation.QUERY ? "" : form(params);
            return post(url + query, "application/x-www-form-urlencoded", body, headers);
        }
        return get(url + (params.isEmpty() ? "" : "?" + form(params)), headers);
    }

    /** The payload of a successful JSON userinfo/profile answer (unwrapped). */
    JsonNode payload(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = readJson(response.body());
        Envelope env = dialect().userinfoEnvelope();
        if (env == null) {
            return body;
        }
        if (!env.isSuccess(body)) {
            throw new AssertionError("envelope error: " + body);
        }
        return env.payload(body);
    }

    // ---------------------------------------------------------------- HTTP helpers

    HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    HttpResponse<String> post(String url, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return send(b.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(request + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static String form(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) {
                sb.append(sb.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v));
            }
        });
        return sb.toString();
    }

    static Map<String, String> queryOf(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        int q = url.indexOf('?');
        if (q < 0) {
            return out;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    static List<String> texts(JsonNode array) {
        return JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
