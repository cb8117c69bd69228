package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import dev.companysso.keycloak.config.Setting;
import dev.companysso.simulator.Dialect.ClientAuth;
import dev.companysso.simulator.Dialect.TokenRequestFormat;
import dev.companysso.simulator.Dialect.TokenResponseFormat;
import dev.companysso.simulator.Envelope;
import dev.companysso.simulator.RecordedRequest;
import dev.companysso.simulator.TokenFieldNames;
import dev.companysso.simulator.TokenParamNames;
import dev.companysso.testing.OidcApp;
import dev.companysso.testing.TestEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.representations.idm.KeysMetadataRepresentation.KeyMetadataRepresentation;

/** The code exchange: client authentication, parameter names, body format, and every shape of token answer. */
class TokenDialectIT extends DialectITSupport {

    /** A secret that HTTP Basic must URL-encode (RFC 6749 2.3.1). */
    private static final String AWKWARD_SECRET = "s3cr+t/with=and:colon";

    TokenDialectIT(TestEnvironment env) {
        super(env);
    }

    // ------------------------------------------------------------------ client authentication

    @Test
    void clientSecretPostWithEveryParameterRenamed() {
        sso(b -> b.tokenParamNames(new TokenParamNames("app_key", "app_secret", "auth_code", "callback", "grant")));
        idp().set(Setting.TOKEN_CLIENT_ID_PARAM, "app_key")
                .set(Setting.TOKEN_CLIENT_SECRET_PARAM, "app_secret")
                .set(Setting.TOKEN_CODE_PARAM, "auth_code")
                .set(Setting.TOKEN_REDIRECT_URI_PARAM, "callback")
                .set(Setting.TOKEN_GRANT_TYPE_PARAM, "grant")
                .apply();

        loginOk("alice", "alice");

        RecordedRequest token = tokenRequest();
        assertThat(token.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(token.formParam("app_key")).isEqualTo("aaa");
        assertThat(token.formParam("app_secret")).isEqualTo("bbb");
        assertThat(token.formParam("auth_code")).isNotBlank();
        assertThat(token.formParam("callback")).endsWith("/realms/company/broker/company-sso/endpoint");
        assertThat(token.formParam("grant")).isEqualTo("authorization_code");
        assertThat(token.form()).doesNotContainKeys("client_id", "client_secret", "code", "redirect_uri", "grant_type");
    }

    @Test
    void redirectUriAndGrantTypeLeftOutWithADash() {
        sso(b -> b.requireRedirectUri(false)
                .tokenParamNames(new TokenParamNames("client_id", "client_secret", "code", "redirect_uri", null)));
        idp().set(Setting.TOKEN_REDIRECT_URI_PARAM, "-").set(Setting.TOKEN_GRANT_TYPE_PARAM, "-").apply();

        loginOk("alice", "alice");

        assertThat(tokenRequest().form()).doesNotContainKeys("redirect_uri", "grant_type")
                .containsKeys("client_id", "client_secret", "code");
    }

    @Test
    void extraStaticTokenParameters() {
        sso(b -> b.requiredTokenParam("tenant", "acme"));
        idp().set(Setting.TOKEN_EXTRA_PARAMS, "scope=app\ntenant=acme").apply();

        loginOk("alice", "alice");

        assertThat(tokenRequest().formParam("tenant")).isEqualTo("acme");
        assertThat(tokenRequest().formParam("scope")).isEqualTo("app");
    }

    @Test
    void jsonRequestBody() {
        sso(b -> b.tokenRequestFormat(TokenRequestFormat.JSON));
        idp().set(Setting.TOKEN_REQUEST_BODY, "json").apply();

        loginOk("alice", "alice");

        RecordedRequest token = tokenRequest();
        assertThat(token.contentType()).isEqualTo("application/json");
        assertThat(token.json().get("client_id").asText()).isEqualTo("aaa");
        assertThat(token.json().get("client_secret").asText()).isEqualTo("bbb");
        assertThat(token.json().get("grant_type").asText()).isEqualTo("authorization_code");
        assertThat(token.json().get("code").asText()).isNotBlank();
    }

    @Test
    void clientSecretBasicUrlEncodesTheCredentials() {
        env.sso().client("aaa", AWKWARD_SECRET);
        sso(b -> b.clientAuth(ClientAuth.BASIC));
        idp().set(Setting.CLIENT_AUTH_METHOD, "client_secret_basic").clientSecret(AWKWARD_SECRET).apply();

        loginOk("alice", "alice");

        RecordedRequest token = tokenRequest();
        assertThat(basicCredentials(token)).isEqualTo("aaa:s3cr%2Bt%2Fwith%3Dand%3Acolon");
        assertThat(token.form()).doesNotContainKey("client_secret");
    }

    @Test
    void clientSecretBasicUnencoded() {
        env.sso().client("aaa", AWKWARD_SECRET);
        sso(b -> b.clientAuth(ClientAuth.BASIC_UNENCODED));
        idp().set(Setting.CLIENT_AUTH_METHOD, "client_secret_basic_unencoded").clientSecret(AWKWARD_SECRET).apply();

        loginOk("alice", "alice");

        assertThat(basicCredentials(tokenRequest())).isEqualTo("aaa:" + AWKWARD_SECRET);
        assertThat(tokenRequest().form()).doesNotContainKey("client_secret");
    }

    @Test
    void noClientAuthenticationSendsOnlyTheClientId() {
        sso(b -> b.clientAuth(ClientAuth.NONE));
        idp().set(Setting.CLIENT_AUTH_METHOD, "none").apply();

        loginOk("alice", "alice");

        RecordedRequest token = tokenRequest();
        assertThat(token.formParam("client_id")).isEqualTo("aaa");
        assertThat(token.form()).doesNotContainKey("client_secret");
        assertThat(token.header("authorization")).isNull();
    }

    @Test
    void clientSecretJwt() {
        sso(b -> b.clientAuth(ClientAuth.JWT));
        idp().set(Setting.CLIENT_AUTH_METHOD, "client_secret_jwt").apply();

        loginOk("alice", "alice");

        RecordedRequest token = tokenRequest();
        assertThat(token.formParam("client_assertion_type"))
                .isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        JsonNode header = jwtPart(token.formParam("client_assertion"), 0);
        JsonNode claims = OidcApp.claims(token.formParam("client_assertion"));
        assertThat(header.get("alg").asText()).isEqualTo("HS256");
        assertThat(claims.get("iss").asText()).isEqualTo("aaa");
        assertThat(claims.get("sub").asText()).isEqualTo("aaa");
        assertThat(claims.get("aud").toString()).contains(env.ssoBackchannelUrl("/sso/oauth/token"));
        assertThat(token.form()).doesNotContainKey("client_secret");
        assertThat(token.header("authorization")).isNull();
    }

    @Test
    void privateKeyJwtSignedWithTheRealmKey() throws Exception {
        KeyMetadataRepresentation realmKey = realm.keys().getKeyMetadata().getKeys().stream()
                .filter(k -> "RS256".equals(k.getAlgorithm()) && "ACTIVE".equals(k.getStatus()))
                .findFirst().orElseThrow();
        PublicKey publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(realmKey.getPublicKey())));
        env.sso().clientPublicKey(publicKey);
        sso(b -> b.clientAuth(ClientAuth.JWT));
        idp().set(Setting.CLIENT_AUTH_METHOD, "private_key_jwt").apply();

        loginOk("alice", "alice");

        RecordedRequest token = tokenRequest();
        String assertion = token.formParam("client_assertion");
        assertThat(assertion.split("\\.")).hasSize(3);
        JsonNode header = jwtPart(assertion, 0);
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(header.get("kid").asText()).isEqualTo(realmKey.getKid());
        assertThat(OidcApp.claims(assertion).get("iss").asText()).isEqualTo("aaa");
        assertThat(token.form()).doesNotContainKey("client_secret");
    }

    // ------------------------------------------------------------------ token answers

    @ParameterizedTest
    @EnumSource(TokenResponseFormat.class)
    void tokenAnswerAsJsonFormTextPlainOrTextHtml(TokenResponseFormat format) {
        sso(b -> b.tokenResponseFormat(format));

        loginOk("alice", "alice");

        assertThat(userinfoRequest().header("authorization")).startsWith("Bearer ");
    }

    @Test
    void codeMsgDataEnvelopeWithCamelCaseTokenFields() {
        sso(b -> b.tokenEnvelope(Envelope.codeMsgData()).tokenFieldNames(TokenFieldNames.camelCase()));
        idp().set(Setting.TOKEN_SUCCESS_PATH, "$.code")
                .set(Setting.TOKEN_SUCCESS_VALUE, "0")
                .set(Setting.TOKEN_PAYLOAD_PATH, "$.data")
                .set(Setting.TOKEN_ERROR_MESSAGE_PATH, "$.msg")
                .set(Setting.ACCESS_TOKEN_PATH, "$.accessToken")
                .set(Setting.REFRESH_TOKEN_PATH, "$.refreshToken")
                .set(Setting.EXPIRES_IN_PATH, "$.expiresIn")
                .apply();

        JsonNode appTokens = env.app().exchangeCode(login("alice").locationParam("code").orElseThrow());

        // The access token found at $.data.accessToken went to the userinfo call and was accepted; Keycloak stored
        // it with the refresh token and lifetime found at $.data.refreshToken and $.data.expiresIn.
        String accessToken = userinfoRequest().header("authorization").substring("Bearer ".length());
        JsonNode stored = storedSsoToken("alice", appTokens);
        assertThat(stored.get("access_token").asText()).isEqualTo(accessToken);
        assertThat(stored.get("refresh_token").asText()).isNotBlank().isNotEqualTo(accessToken);
        assertThat(stored.get("expires_in").asLong()).isEqualTo(7200);
    }

    @Test
    void statusOkEnvelopeWithAStringSuccessValue() {
        sso(b -> b.tokenEnvelope(Envelope.statusOk()).userinfoEnvelope(Envelope.statusOk()));
        idp().set(Setting.TOKEN_SUCCESS_PATH, "$.status").set(Setting.TOKEN_SUCCESS_VALUE, "ok")
                .set(Setting.TOKEN_PAYLOAD_PATH, "$.result").set(Setting.TOKEN_ERROR_MESSAGE_PATH, "$.message")
                .set(Setting.USERINFO_SUCCESS_PATH, "$.status").set(Setting.USERINFO_SUCCESS_VALUE, "ok")
                .set(Setting.USERINFO_PAYLOAD_PATH, "$.result").set(Setting.USERINFO_ERROR_MESSAGE_PATH, "$.message")
                .apply();

        JsonNode idToken = loginOk("alice", "alice");

        assertThat(idToken.get("email").asText()).isEqualTo("alice@example.com");
    }

    @Test
    void tokenAnswerFieldsReachTheUserinfoCall() {
        sso(b -> b.tokenExtraFields(true).requireOpenidParam("openid"));
        idp().set(Setting.USERINFO_EXTRA_PARAMS, "openid=${token.openid}").apply();

        loginOk("alice", "alice");

        assertThat(userinfoRequest().queryParam("openid")).isEqualTo("o-10002");
    }

    @Test
    void identityReadFromTheTokenAnswerWithoutUserinfoCall() {
        sso(b -> b.tokenExtraFields(true));
        idp().set(Setting.USERINFO_METHOD, "none").unset(Setting.USERINFO_URL).set(Setting.ID_PATH, "$.uid")
                .set(Setting.USERNAME_PATH, "$.openid").apply();

        loginOk("alice", "o-10002");

        assertThat(env.sso().requests("/sso/oauth/userinfo")).isEmpty();
        assertThat(link("o-10002").getUserId()).isEqualTo("10002");
    }

    private static String basicCredentials(RecordedRequest request) {
        String header = request.header("authorization");
        assertThat(header).startsWith("Basic ");
        return new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
    }

    private static JsonNode jwtPart(String jwt, int index) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
