package dev.companysso.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.companysso.simulator.DialectClient.Tokens;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Error paths and features of the simulator beyond the happy round trip. */
class SimulatorBehaviourTest extends SimulatorTestBase {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    @Test
    void startsOnLoopbackWithSeedDefaults() {
        assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + sim.port());
        assertThat(sim.authorizeUrl()).isEqualTo(sim.baseUrl() + "/sso/oauth/authorize?uuid=" + Dialect.SEED_UUID);
        assertThat(sim.clientId()).isEqualTo("aaa");
        assertThat(sim.clientSecret()).isEqualTo("bbb");
        assertThat(sim.dialect()).isEqualTo(Dialect.seed());
        assertThat(sim.users().get("zhangsan").getId()).isInstanceOf(Number.class);
        sim.dialect(Dialect.plain());
        assertThat(sim.authorizeUrl()).isEqualTo(sim.baseUrl() + "/sso/oauth/authorize");
    }

    @Test
    void loginPageIsARealFormAndEscapesWhatItReflects() {
        Map<String, String> params = client.authorizeParams("\"><script>alert(1)</script>");
        HttpResponse<String> page = client.authorize(params);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body())
                .contains("<title>Company SSO</title>", "<meta charset=\"UTF-8\">",
                        "<form id=\"sso-login\" method=\"post\" action=\"/sso/oauth/login\"",
                        "name=\"username\"", "name=\"password\"", "id=\"sso-submit\"")
                .doesNotContain("<script>alert(1)</script>");
        assertThat(DialectClient.hiddenFields(page.body()))
                .containsEntry("client_id", "aaa")
                .containsEntry("redirect_uri", DialectClient.REDIRECT_URI)
                .containsEntry("state", "\"><script>alert(1)</script>")
                .containsEntry("scope", "app")
                .containsKeys("code_challenge", "code_challenge_method", "nonce");
    }

    @Test
    void wrongPasswordShowsTheFormAgainWithAnError() {
        HttpResponse<String> page = client.authorize(client.authorizeParams("s1"));
        HttpResponse<String> again = client.submitLogin(page.body(), "zhangsan<b>", "nope");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body())
                .contains("<div id=\"sso-error\" class=\"error\" role=\"alert\">Invalid username or password</div>")
                .contains("id=\"sso-login\"")
                .contains("value=\"zhangsan&lt;b&gt;\"");
        assertThat(DialectClient.hiddenFields(again.body())).containsEntry("state", "s1");
        HttpResponse<String> ok = client.submitLogin(again.body(), "alice", "alice-pass");
        assertThat(ok.statusCode()).isEqualTo(302);
    }

    @Test
    void authorizeRejectsRequestsTheDialectForbids() {
        Map<String, String> noUuid = client.authorizeParams("s");
        HttpResponse<String> missingUuid = client.get(sim.baseUrl() + SsoPaths.AUTHORIZE + "?"
                + DialectClient.form(noUuid), Map.of());
        assertThat(missingUuid.statusCode()).isEqualTo(400);
        assertThat(missingUuid.body()).contains("uuid");

        Map<String, String> badScope = client.authorizeParams("s");
        badScope.put("scope", "openid profile");
        assertThat(client.authorize(badScope).statusCode()).isEqualTo(400);

        Map<String, String> badClient = client.authorizeParams("s");
        badClient.put("client_id", "<evil>");
        HttpResponse<String> unknown = client.authorize(badClient);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Unknown client: &lt;evil&gt;");

        Map<String, String> noRedirect = client.authorizeParams("s");
        noRedirect.remove("redirect_uri");
        assertThat(client.authorize(noRedirect).statusCode()).isEqualTo(400);

        Map<String, String> implicit = client.authorizeParams("s");
        implicit.put("response_type", "token");
        assertThat(client.authorize(implicit).statusCode()).isEqualTo(400);
    }

    @Test
    void replayedCodeIsInvalidGrant() {
        String code = client.loginForCode("zhangsan", "zhangsan-pass");
        assertThat(client.exchange(code, null).accessToken()).isNotBlank();
        HttpResponse<String> replay = client.tokenRequest(client.codeGrantParams(code, null), "bbb");
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(DialectClient.readJson(replay.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void expiredCodeAndForeignRedirectUriAreInvalidGrant() {
        String code = client.loginForCode("bob", "bob-pass");
        sim.expireAllCodes();
        HttpResponse<String> expired = client.tokenRequest(client.codeGrantParams(code, null), "bbb");
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(expired.body()).contains("invalid_grant", "expired");

        Map<String, String> params = client.codeGrantParams(client.loginForCode("bob", "bob-pass"), null);
        params.put("redirect_uri", "http://localhost:9999/other");
        assertThat(client.tokenRequest(params, "bbb").body()).contains("invalid_grant");
    }

    @Test
    void envelopeDialectsAnswerErrorsWithHttp200() {
        sim.dialect(Dialect.envelope());
        HttpResponse<String> bad = client.tokenRequest(client.codeGrantParams("no-such-code", null), "bbb");
        assertThat(bad.statusCode()).isEqualTo(200);
        JsonNode body = DialectClient.readJson(bad.body());
        assertThat(body.path("code").asInt()).isEqualTo(40029);
        assertThat(body.path("msg").asText()).isEqualTo("invalid code");
        assertThat(body.get("data").isNull()).isTrue();

        sim.dialect(Dialect.wechat());
        HttpResponse<String> wx = client.tokenRequest(client.codeGrantParams("no-such-code", null), "bbb");
        assertThat(wx.statusCode()).isEqualTo(200);
        assertThat(wx.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(DialectClient.readJson(wx.body()))
                .isEqualTo(DialectClient.readJson("{\"errcode\":40029,\"errmsg\":\"invalid code\"}"));

        HttpResponse<String> noToken = client.get(sim.userinfoUrl() + "?access_token=x&openid=o-1", Map.of());
        assertThat(noToken.statusCode()).isEqualTo(200);
        assertThat(DialectClient.readJson(noToken.body()).path("errcode").asInt()).isEqualTo(40029);
    }

    @Test
    void badClientCredentialsAreInvalidClient() {
        String code = client.loginForCode("zhangsan", "zhangsan-pass");
        HttpResponse<String> bad = client.tokenRequest(client.codeGrantParams(code, null), "wrong");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(DialectClient.readJson(bad.body()).path("error").asText()).isEqualTo("invalid_client");

        // seed wants client_secret_post: a Basic header is refused
        Map<String, String> form = client.codeGrantParams(code, null);
        HttpResponse<String> basic = client.post(sim.tokenUrl(), "application/x-www-form-urlencoded",
                DialectClient.form(form), Map.of("Authorization", DialectClient.basic("aaa:bbb")));
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    @Test
    void basicVariantsDifferInFormEncoding() {
        sim.client("my app", "s3:cr t+/");
        sim.dialect(Dialect.plain().with(b -> b.clientAuth(Dialect.ClientAuth.BASIC)));
        String code = client.loginForCode("alice", "alice-pass");
        Map<String, String> params = client.codeGrantParams(code, null);
        String body = DialectClient.form(params);
        String raw = DialectClient.basic("my app:s3:cr t+/");
        String encoded = DialectClient.basic("my+app:s3%3Acr+t%2B%2F");

        assertThat(postToken(body, raw).statusCode()).isEqualTo(401);
        assertThat(postToken(body, encoded).statusCode()).isEqualTo(200);

        sim.dialect(sim.dialect().with(b -> b.clientAuth(Dialect.ClientAuth.BASIC_UNENCODED)));
        String code2 = DialectClient.form(client.codeGrantParams(client.loginForCode("alice", "alice-pass"), null));
        assertThat(postToken(code2, encoded).statusCode()).isEqualTo(401);
        assertThat(postToken(code2, raw).statusCode()).isEqualTo(200);

        sim.dialect(sim.dialect().with(b -> b.clientAuth(Dialect.ClientAuth.ANY)));
        String code3 = DialectClient.form(client.codeGrantParams(client.loginForCode("alice", "alice-pass"), null));
        assertThat(postToken(code3, raw).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> postToken(String formBody, String authorization) {
        return client.post(sim.tokenUrl(), "application/x-www-form-urlencoded", formBody,
                Map.of("Authorization", authorization));
    }

    @Test
    void tokenRequestFormatIsEnforced() {
        sim.dialect(Dialect.feishu());
        String code = client.loginForCode("zhangsan", "zhangsan-pass");
        Map<String, String> params = client.codeGrantParams(code, null);
        params.put("app_id", "aaa");
        params.put("app_secret", "bbb");
        HttpResponse<String> asForm = client.post(sim.tokenUrl(), "application/x-www-form-urlencoded",
                DialectClient.form(params), Map.of());
        assertThat(asForm.statusCode()).isEqualTo(400);
        assertThat(client.exchange(code, null).accessToken()).isNotBlank();

        sim.dialect(Dialect.seed());
        HttpResponse<String> asJson = client.post(sim.tokenUrl(), "application/json",
                "{\"client_id\":\"aaa\",\"client_secret\":\"bbb\",\"grant_type\":\"authorization_code\"}", Map.of());
        assertThat(asJson.statusCode()).isEqualTo(400);
        assertThat(client.get(sim.tokenUrl(), Map.of()).statusCode()).isEqualTo(405);
    }

    @Test
    void pkceS256IsVerified() {
        sim.dialect(Dialect.seed().with(b -> b.pkce(Dialect.Pkce.REQUIRED_S256)));
        assertThat(client.authorize(client.authorizeParams("s")).statusCode()).isEqualTo(400);
        Map<String, String> plain = client.authorizeParams("s");
        plain.put("code_challenge", VERIFIER);
        assertThat(client.authorize(plain).statusCode()).isEqualTo(400);

        // RFC 7636 appendix B example
        Map<String, String> pkce = Map.of("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                "code_challenge_method", "S256");
        String code1 = client.loginForCallback("zhangsan", "zhangsan-pass", pkce).get("code");
        assertThat(client.tokenRequest(client.codeGrantParams(code1, null), "bbb").body())
                .contains("invalid_grant", "code_verifier");
        String code2 = client.loginForCallback("zhangsan", "zhangsan-pass", pkce).get("code");
        assertThat(client.tokenRequest(client.codeGrantParams(code2, VERIFIER + "x"), "bbb").body())
                .contains("invalid_grant", "PKCE");
        String code3 = client.loginForCallback("zhangsan", "zhangsan-pass", pkce).get("code");
        assertThat(client.exchange(code3, VERIFIER).accessToken()).isNotBlank();
    }

    @Test
    void refreshGrantIssuesNewAccessTokensAndCanRotate() {
        sim.dialect(Dialect.seed().with(b -> b.rotateRefreshToken(true)));
        Tokens tokens = client.loginAndExchange("zhangsan", "zhangsan-pass");
        sim.expireAllAccessTokens();
        HttpResponse<String> expired = client.protectedCall(sim.userinfoUrl(), tokens);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("invalid_token");
        assertThat(expired.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");

        Tokens refreshed = client.tokens(client.tokenRequest(client.refreshGrantParams(tokens.refreshToken()), "bbb"));
        assertThat(refreshed.refreshToken()).isNotEqualTo(tokens.refreshToken());
        assertThat(client.payload(client.protectedCall(sim.userinfoUrl(), refreshed)).path("account").asText())
                .isEqualTo("zhangsan");

        HttpResponse<String> oldRefresh = client.tokenRequest(client.refreshGrantParams(tokens.refreshToken()), "bbb");
        assertThat(oldRefresh.statusCode()).isEqualTo(400);
        assertThat(oldRefresh.body()).contains("invalid_grant");
    }

    @Test
    void jwtUserinfoVerifiesAgainstTheJwks() throws Exception {
        sim.dialect(Dialect.plain().with(b -> b.userinfoFormat(Dialect.UserinfoFormat.JWT).issuer("https://sso.corp")));
        Map<String, String> callback = client.loginForCallback("alice", "alice-pass", Map.of());
        assertThat(callback).containsEntry("iss", "https://sso.corp");
        Tokens tokens = client.exchange(callback.get("code"), null);

        HttpResponse<String> jwt = client.protectedCall(sim.userinfoUrl(), tokens);
        assertThat(jwt.statusCode()).isEqualTo(200);
        assertThat(jwt.headers().firstValue("Content-Type").orElse("")).startsWith("application/jwt");
        JsonNode key = DialectClient.readJson(client.get(sim.jwksUrl(), Map.of()).body()).at("/keys/0");
        assertThat(key.path("kty").asText()).isEqualTo("RSA");
        assertThat(key.path("alg").asText()).isEqualTo("RS256");
        assertThat(key.path("use").asText()).isEqualTo("sig");
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()))));

        String[] parts = jwt.body().split("\\.");
        JsonNode header = DialectClient.readJson(new String(Base64.getUrlDecoder().decode(parts[0]),
                StandardCharsets.UTF_8));
        JsonNode claims = DialectClient.readJson(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(header.path("kid").asText()).isEqualTo(key.path("kid").asText());
        assertThat(verifies(publicKey, parts)).isTrue();
        assertThat(claims.path("sub").asText()).isEqualTo("10002");
        assertThat(claims.path("name").asText()).isEqualTo("Alice Smith");
        assertThat(claims.path("iss").asText()).isEqualTo("https://sso.corp");
        assertThat(claims.path("aud").asText()).isEqualTo("aaa");
        assertThat(claims.path("exp").asLong()).isGreaterThan(claims.path("iat").asLong());

        sim.dialect(sim.dialect().with(b -> b.signWithWrongKey(true)));
        String[] forged = client.protectedCall(sim.userinfoUrl(), tokens).body().split("\\.");
        assertThat(verifies(publicKey, forged)).isFalse();
    }

    private static boolean verifies(PublicKey key, String[] jwt) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(Base64.getUrlDecoder().decode(jwt[2]));
    }

    @Test
    void userinfoAcceptsTheTokenOnlyWhereTheDialectSays() {
        sim.dialect(Dialect.plain().with(b -> b.tokenLocation(Dialect.TokenLocation.CUSTOM_HEADER)
                .tokenParamName("X-Access-Token").requiredUserinfoHeader("X-App-Key", "aaa")));
        Tokens tokens = client.loginAndExchange("bob", "bob-pass");
        assertThat(client.get(sim.userinfoUrl(), Map.of("Authorization", "Bearer " + tokens.accessToken(),
                "X-App-Key", "aaa")).statusCode()).isEqualTo(401);
        assertThat(client.get(sim.userinfoUrl(), Map.of("X-Access-Token", tokens.accessToken(),
                "X-App-Key", "wrong")).statusCode()).isEqualTo(400);
        HttpResponse<String> ok = client.protectedCall(sim.userinfoUrl(), tokens);
        assertThat(client.payload(ok).path("preferred_username").asText()).isEqualTo("bob");

        sim.dialect(Dialect.wechat());
        Tokens wx = client.loginAndExchange("bob", "bob-pass");
        HttpResponse<String> wrongOpenid = client.get(sim.userinfoUrl() + "?access_token=" + wx.accessToken()
                + "&openid=o-10001", Map.of());
        assertThat(DialectClient.readJson(wrongOpenid.body()).path("errcode").asInt()).isEqualTo(40029);
        assertThat(client.post(sim.userinfoUrl(), "application/x-www-form-urlencoded", "", Map.of()).statusCode())
                .isEqualTo(405);
    }

    @Test
    void userChangesShowInTheProfile() {
        sim.dialect(Dialect.plain());
        sim.users().update("alice", u -> {
            u.setId("alice-uid");
            u.getExtra().put("employeeNo", "E-42");
            u.setEmailVerified(false);
        });
        sim.users().add(new SimUser("carol", "carol-pass", 10004));
        JsonNode p = client.payload(client.protectedCall(sim.userinfoUrl(),
                client.loginAndExchange("alice", "alice-pass")));
        assertThat(p.path("sub").asText()).isEqualTo("alice-uid");
        assertThat(p.path("employeeNo").asText()).isEqualTo("E-42");
        assertThat(p.path("email_verified").asBoolean()).isFalse();
        assertThat(client.loginForCode("carol", "carol-pass")).isNotBlank();
        sim.reset();
        assertThat(sim.users().get("carol")).isNull();
        assertThat(sim.users().get("alice").getId()).isEqualTo(10002L);
    }

    @Test
    void companyApiAndLogout() {
        Tokens tokens = client.loginAndExchange("zhangsan", "zhangsan-pass");
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + tokens.accessToken());
        assertThat(client.get(sim.apiUrl(), bearer).body()).contains("hello from the company API");
        assertThat(client.get(sim.apiUrl(), Map.of()).statusCode()).isEqualTo(401);

        HttpResponse<String> plain = client.get(sim.logoutUrl(), Map.of());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).contains("logged out");

        Map<String, String> params = new LinkedHashMap<>();
        params.put("access_token", tokens.accessToken());
        params.put("post_logout_redirect_uri", "http://localhost:9999/bye?x=1");
        params.put("state", "st 1");
        HttpResponse<String> redirect = client.get(sim.logoutUrl() + "?" + DialectClient.form(params), Map.of());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow())
                .isEqualTo("http://localhost:9999/bye?x=1&state=st+1");
        assertThat(client.get(sim.apiUrl(), bearer).statusCode()).isEqualTo(401);
        assertThat(client.tokenRequest(client.refreshGrantParams(tokens.refreshToken()), "bbb").statusCode())
                .isEqualTo(400);

        HttpResponse<String> backChannel = client.post(sim.logoutUrl(), "application/x-www-form-urlencoded",
                "logout_token=x", Map.of());
        assertThat(backChannel.statusCode()).isEqualTo(200);
        assertThat(DialectClient.readJson(backChannel.body()).path("status").asText()).isEqualTo("ok");
        assertThat(sim.requests(SsoPaths.LOGOUT)).hasSize(3);
    }

    @Test
    void requestsAreRecorded() {
        Tokens tokens = client.loginAndExchange("zhangsan", "zhangsan-pass");
        client.protectedCall(sim.userinfoUrl(), tokens);

        assertThat(sim.requests()).extracting(RecordedRequest::path)
                .containsExactly(SsoPaths.AUTHORIZE, SsoPaths.LOGIN, SsoPaths.TOKEN, SsoPaths.USERINFO);
        RecordedRequest authorize = sim.requests(SsoPaths.AUTHORIZE).get(0);
        assertThat(authorize.method()).isEqualTo("GET");
        assertThat(authorize.query()).containsEntry("uuid", List.of(Dialect.SEED_UUID))
                .containsEntry("client_id", List.of("aaa"));
        RecordedRequest token = sim.requests(SsoPaths.TOKEN).get(0);
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.headers()).containsKey("content-type");
        assertThat(token.headers().keySet()).allMatch(h -> h.equals(h.toLowerCase()));
        assertThat(token.form()).containsEntry("client_secret", List.of("bbb"))
                .containsEntry("scope", List.of("app"))
                .containsEntry("grant_type", List.of("authorization_code"));
        assertThat(token.json()).isNull();
        assertThat(sim.requests(SsoPaths.USERINFO).get(0).header("Authorization"))
                .isEqualTo("Bearer " + tokens.accessToken());

        Stats stats = sim.stats();
        assertThat(stats.tokenRequests()).isEqualTo(1);
        assertThat(stats.userinfoRequests()).isEqualTo(1);
        assertThat(stats.requests(SsoPaths.LOGIN)).isEqualTo(1);

        sim.reset();
        sim.dialect(Dialect.feishu());
        client.loginAndExchange("alice", "alice-pass");
        RecordedRequest json = sim.requests(SsoPaths.TOKEN).get(0);
        assertThat(json.form()).isEmpty();
        assertThat(json.json().path("app_id").asText()).isEqualTo("aaa");
        assertThat(json.json().path("app_secret").asText()).isEqualTo("bbb");
        assertThat(sim.requests()).hasSize(3);
    }

    @Test
    void countsTcpConnections() {
        DialectClient first = new DialectClient(sim, DialectClient.newHttpClient());
        for (int i = 0; i < 3; i++) {
            assertThat(first.get(sim.jwksUrl(), Map.of()).statusCode()).isEqualTo(200);
        }
        assertThat(sim.stats().tcpConnections()).isEqualTo(1);
        DialectClient second = new DialectClient(sim, DialectClient.newHttpClient());
        second.get(sim.jwksUrl(), Map.of());
        assertThat(sim.stats().tcpConnections()).isEqualTo(2);
        assertThat(sim.stats().jwksRequests()).isEqualTo(4);
    }

    @Test
    void closeStopsQuickly() throws Exception {
        CompanySsoSimulator other = CompanySsoSimulator.start(0);
        int port = other.port();
        new DialectClient(other).get(other.jwksUrl(), Map.of());
        long t0 = System.nanoTime();
        other.close();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }
}
