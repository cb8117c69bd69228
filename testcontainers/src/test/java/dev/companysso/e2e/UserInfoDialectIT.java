package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import dev.companysso.keycloak.config.Setting;
import dev.companysso.simulator.Dialect.ProfileShape;
import dev.companysso.simulator.Dialect.TokenLocation;
import dev.companysso.simulator.Dialect.UserinfoFormat;
import dev.companysso.simulator.Dialect.UserinfoMethod;
import dev.companysso.simulator.Envelope;
import dev.companysso.simulator.RecordedRequest;
import dev.companysso.simulator.SsoPaths;
import dev.companysso.testing.BrowserSession;
import dev.companysso.testing.IdpConfig;
import dev.companysso.testing.Page;
import dev.companysso.testing.TestEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.representations.idm.UserRepresentation;

/** The user info call and its answer: method, token placement, extra values, second call, JWT, paths. */
class UserInfoDialectIT extends DialectITSupport {

    UserInfoDialectIT(TestEnvironment env) {
        super(env);
    }

    // ------------------------------------------------------------------ the request

    @Test
    void postWithTheTokenAsARenamedFormField() {
        sso(b -> b.userinfoMethod(UserinfoMethod.POST).tokenLocation(TokenLocation.FORM).tokenParamName("token"));
        idp().set(Setting.USERINFO_METHOD, "POST").set(Setting.USERINFO_TOKEN_LOCATION, "form")
                .set(Setting.USERINFO_TOKEN_PARAM, "token").apply();

        loginOk("alice", "alice");

        RecordedRequest userinfo = userinfoRequest();
        assertThat(userinfo.method()).isEqualTo("POST");
        assertThat(userinfo.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(userinfo.formParam("token")).isNotBlank();
        assertThat(userinfo.header("authorization")).isNull();
    }

    @Test
    void getWithACustomAuthorizationScheme() {
        sso(b -> b.authScheme("OAuth2"));
        idp().set(Setting.USERINFO_AUTH_SCHEME, "OAuth2").apply();

        loginOk("alice", "alice");

        assertThat(userinfoRequest().method()).isEqualTo("GET");
        assertThat(userinfoRequest().header("authorization")).startsWith("OAuth2 ");
    }

    @Test
    void tokenAsARenamedQueryParameter() {
        sso(b -> b.tokenLocation(TokenLocation.QUERY).tokenParamName("accessToken"));
        idp().set(Setting.USERINFO_TOKEN_LOCATION, "query").set(Setting.USERINFO_TOKEN_PARAM, "accessToken").apply();

        loginOk("alice", "alice");

        assertThat(userinfoRequest().queryParam("accessToken")).isNotBlank();
        assertThat(userinfoRequest().header("authorization")).isNull();
    }

    @Test
    void tokenInACustomHeader() {
        sso(b -> b.tokenLocation(TokenLocation.CUSTOM_HEADER).tokenParamName("X-Access-Token"));
        idp().set(Setting.USERINFO_TOKEN_LOCATION, "custom-header").set(Setting.USERINFO_TOKEN_PARAM, "X-Access-Token")
                .apply();

        loginOk("alice", "alice");

        assertThat(userinfoRequest().header("x-access-token")).isNotBlank();
        assertThat(userinfoRequest().header("authorization")).isNull();
    }

    @Test
    void extraStaticParametersAndHeadersAndValuesFromTheTokenAnswer() {
        sso(b -> b.tokenExtraFields(true).requireOpenidParam("openid")
                .requiredUserinfoHeader("X-App", "keycloak").requiredUserinfoHeader("X-Uid", "10002"));
        idp().set(Setting.USERINFO_EXTRA_PARAMS, "lang=zh_CN\nopenid=${token.openid}")
                .set(Setting.USERINFO_HEADERS, "X-App: keycloak\nX-Uid: ${token.uid}")
                .apply();

        loginOk("alice", "alice");

        RecordedRequest userinfo = userinfoRequest();
        assertThat(userinfo.queryParam("lang")).isEqualTo("zh_CN");
        assertThat(userinfo.queryParam("openid")).isEqualTo("o-10002");
        assertThat(userinfo.header("x-app")).isEqualTo("keycloak");
        assertThat(userinfo.header("x-uid")).isEqualTo("10002");
    }

    @Test
    void secondProfileCallMergedUnderItsKey() {
        idp().set(Setting.PROFILE_URL, env.ssoBackchannelUrl("/sso/oauth/profile")).set(Setting.PROFILE_KEY, "org")
                .set(Setting.USERNAME_PATH, "$.org.roles[0]").apply();

        loginOk("alice", "editor");

        assertThat(single(SsoPaths.PROFILE).header("authorization")).startsWith("Bearer ");
        assertThat(link("editor").getUserId()).isEqualTo("10002");
    }

    // ------------------------------------------------------------------ JWT answers

    @Test
    void userinfoAsAJwtIsRead() {
        sso(b -> b.userinfoFormat(UserinfoFormat.JWT));

        JsonNode idToken = loginOk("alice", "alice");

        assertThat(idToken.get("email").asText()).isEqualTo("alice@example.com");
        assertThat(idToken.get("family_name").asText()).isEqualTo("Smith");
    }

    @Test
    void userinfoJwtSignatureCheckedAgainstTheJwks() {
        sso(b -> b.userinfoFormat(UserinfoFormat.JWT));
        idp().set(Setting.USERINFO_JWKS_URL, env.ssoBackchannelUrl("/sso/oauth/jwks")).apply();

        loginOk("alice", "alice");
        assertThat(env.sso().requests(SsoPaths.JWKS)).isNotEmpty();
    }

    @Test
    void userinfoJwtWithABadSignatureStopsTheLogin() {
        sso(b -> b.userinfoFormat(UserinfoFormat.JWT).signWithWrongKey(true));
        idp().set(Setting.USERINFO_JWKS_URL, env.ssoBackchannelUrl("/sso/oauth/jwks")).apply();

        Page page = login("alice");

        assertFailedWithoutUser(page, "sso_invalid_signature");
        assertThat(page.text()).contains("signature");
    }

    // ------------------------------------------------------------------ the answer

    @ParameterizedTest
    @EnumSource(value = UserinfoFormat.class, names = {"JSON", "JSON_AS_TEXT_PLAIN", "JSON_AS_TEXT_HTML"})
    void envelopedUserinfoInAnyContentType(UserinfoFormat format) {
        sso(b -> b.userinfoEnvelope(Envelope.codeMsgData()).userinfoFormat(format));
        idp().set(Setting.USERINFO_SUCCESS_PATH, "$.code").set(Setting.USERINFO_SUCCESS_VALUE, "0")
                .set(Setting.USERINFO_PAYLOAD_PATH, "$.data").set(Setting.USERINFO_ERROR_MESSAGE_PATH, "$.msg")
                .apply();

        JsonNode idToken = loginOk("alice", "alice");

        assertThat(idToken.get("email").asText()).isEqualTo("alice@example.com");
    }

    @Test
    void everyIdentityPathOfTheNestedProfileAndANumericIdAsText() {
        JsonNode idToken = loginOk("zhangsan", "zhangsan");

        assertThat(idToken.get("email").asText()).isEqualTo("zhangsan@example.com");
        assertThat(idToken.get("given_name").asText()).isEqualTo("三");
        assertThat(idToken.get("family_name").asText()).isEqualTo("张");
        assertThat(user("zhangsan").isEmailVerified()).isTrue();
        assertThat(link("zhangsan").getUserId()).isEqualTo("10001");
        assertThat(link("zhangsan").getUserName()).isEqualTo("zhangsan");
    }

    @Test
    void emailVerifiedFalseIsKept() {
        env.sso().users().update("alice", u -> u.setEmailVerified(false));

        loginOk("alice", "alice");

        assertThat(user("alice").isEmailVerified()).isFalse();
    }

    @Test
    void fullNameOnlyIsSplitOrKeptWhole() {
        sso(b -> b.profileShape(ProfileShape.FULL_NAME_ONLY));
        flatPaths();

        JsonNode alice = loginOk("alice", "alice");
        assertThat(alice.get("given_name").asText()).isEqualTo("Alice");
        assertThat(alice.get("family_name").asText()).isEqualTo("Smith");
        assertThat(link("alice").getUserId()).isEqualTo("10002");

        // "张三" has no space: kept whole as the first name. The realm requires a last name, so Keycloak's
        // review form asks for it, with the first name already filled in from the SSO.
        BrowserSession browser = env.newBrowser();
        Page ssoForm = env.app().openCompanySsoLogin(browser);
        Page review = browser.submit(ssoForm, "#sso-login", Map.of("username", "zhangsan", "password", "zhangsan-pass"),
                dev.companysso.testing.OidcApp::isAppRedirect);
        assertThat(review.document().selectFirst("input[name=firstName]").val()).isEqualTo("张三");
        assertThat(review.document().selectFirst("input[name=lastName]").val()).isEmpty();
        idToken(completeReviewProfile(browser, review, Map.of("lastName", "-")));
        UserRepresentation zhangsan = user("zhangsan");
        assertThat(zhangsan.getFirstName()).isEqualTo("张三");
    }

    @Test
    void unicodeKeptInEveryField() {
        env.sso().users().update("bob", u -> {
            u.setFirstName("Björn");
            u.setLastName("Ångström-王");
        });

        JsonNode idToken = loginOk("bob", "bob");

        assertThat(idToken.get("given_name").asText()).isEqualTo("Björn");
        assertThat(idToken.get("family_name").asText()).isEqualTo("Ångström-王");
    }

    // ------------------------------------------------------------------ paths

    @Test
    void aWrongPathIsRefusedWhenSaved() {
        Map<String, String> before = IdpConfig.resource(env).toRepresentation().getConfig();

        assertThatThrownBy(() -> idp().set(Setting.ID_PATH, "$.data[").apply())
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    String body = e.getResponse().readEntity(String.class);
                    assertThat(body).contains("idPath").contains("User ID path");
                });

        assertThat(IdpConfig.resource(env).toRepresentation().getConfig()).isEqualTo(before);
    }

    @Test
    void arrayPathsAreUsable() {
        idp().set(Setting.USERNAME_PATH, "$.depts[*].code").set(Setting.ID_PATH, "$.depts[0].code").apply();

        loginOk("bob", "sales");

        assertThat(link("sales").getUserId()).isEqualTo("SALES");
    }

    private void flatPaths() {
        idp().set(Setting.ID_PATH, "$.sub").set(Setting.USERNAME_PATH, "$.preferred_username")
                .set(Setting.EMAIL_PATH, "$.email").set(Setting.EMAIL_VERIFIED_PATH, "$.email_verified")
                .set(Setting.FIRST_NAME_PATH, "$.given_name").set(Setting.LAST_NAME_PATH, "$.family_name")
                .set(Setting.FULL_NAME_PATH, "$.name").apply();
    }
}
