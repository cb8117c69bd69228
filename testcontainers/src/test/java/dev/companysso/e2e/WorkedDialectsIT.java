package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.companysso.simulator.Dialect;
import dev.companysso.simulator.SsoPaths;
import dev.companysso.simulator.RecordedRequest;
import dev.companysso.testing.BrowserSession;
import dev.companysso.testing.IdpConfig;
import dev.companysso.testing.OidcApp;
import dev.companysso.testing.Page;
import dev.companysso.testing.TestEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Each README worked dialect, applied as written, against the simulator preset of that dialect. */
class WorkedDialectsIT extends DialectITSupport {

    WorkedDialectsIT(TestEnvironment env) {
        super(env);
    }

    @Test
    void plainOAuth2() {
        use("plain");

        JsonNode idToken = loginOk("alice", "alice");

        assertThat(idToken.get("email").asText()).isEqualTo("alice@example.com");
        assertThat(idToken.get("given_name").asText()).isEqualTo("Alice");
        assertThat(authorizeRequest().queryParam("client_id")).isEqualTo("keycloak");
        assertThat(authorizeRequest().queryParam("scope")).isEqualTo("openid profile email");
        assertThat(authorizeRequest().queryParam("code_challenge_method")).isEqualTo("S256");
        assertThat(tokenRequest().header("authorization")).startsWith("Basic ");
        assertThat(tokenRequest().form()).doesNotContainKey("client_secret").containsKey("code_verifier");
        assertThat(link("alice").getUserId()).isEqualTo("10002");
    }

    @Test
    void theSeedsSso() {
        use("seed");

        JsonNode idToken = loginOk("zhangsan", "zhangsan");

        assertThat(idToken.get("given_name").asText()).isEqualTo("三");
        assertThat(authorizeRequest().queryParam("uuid")).isEqualTo(Dialect.SEED_UUID);
        assertThat(tokenRequest().formParam("client_secret")).isEqualTo("bbb");
        assertThat(tokenRequest().formParam("scope")).isEqualTo("app");
        assertThat(link("zhangsan").getUserId()).isEqualTo("10001");
    }

    @Test
    void codeMsgDataEnvelope() {
        use("envelope");

        JsonNode idToken = loginOk("bob", "bob");

        assertThat(idToken.get("email").asText()).isEqualTo("bob@example.com");
        assertThat(link("bob").getUserId()).isEqualTo("10003");
    }

    @Test
    void weChatStyle() {
        use("wechat");

        BrowserSession browser = env.newBrowser();
        Page ssoForm = env.app().openCompanySsoLogin(browser);
        Page afterSso = browser.submit(ssoForm, "#sso-login", Map.of("username", "alice", "password", "alice-pass"),
                OidcApp::isAppRedirect);
        // WeChat tells no email: Keycloak's first-login form asks for it, names already filled from the nickname.
        assertThat(afterSso.document().selectFirst("input[name=firstName]").val()).isEqualTo("Alice");
        assertThat(afterSso.document().selectFirst("input[name=lastName]").val()).isEqualTo("Smith");
        JsonNode idToken = idToken(completeReviewProfile(browser, afterSso, Map.of("email", "alice@example.com")));

        assertThat(idToken.get("preferred_username").asText()).isEqualTo("o-10002");
        assertThat(link("o-10002").getUserId()).isEqualTo("u-10002");
        RecordedRequest authorize = authorizeRequest();
        assertThat(authorize.queryParam("appid")).isEqualTo("wx5f2a3c7d9e1b4a60");
        assertThat(authorize.query()).doesNotContainKeys("client_id", "code_challenge");
        RecordedRequest token = tokenRequest();
        assertThat(token.formParam("appid")).isEqualTo("wx5f2a3c7d9e1b4a60");
        assertThat(token.formParam("secret")).isEqualTo("wechat-app-secret");
        assertThat(token.form()).doesNotContainKeys("redirect_uri", "client_id", "client_secret");
        RecordedRequest userinfo = userinfoRequest();
        assertThat(userinfo.queryParam("access_token")).isNotBlank();
        assertThat(userinfo.queryParam("openid")).isEqualTo("o-10002");
        assertThat(userinfo.header("authorization")).isNull();
    }

    @Test
    void wechatStyleErrorsInAnHttp200AnswerStopTheLoginWithWechatsMessage() {
        use("wechat");
        env.sso().refuse(SsoPaths.TOKEN, "invalid code");

        Page page = env.app().loginThroughSso(env.newBrowser(), "alice", "alice-pass");

        assertThat(page.status()).isEqualTo(502);
        assertThat(page.text()).contains("invalid code");
        assertThat(env.admin().realm(TestEnvironment.REALM).users().searchByUsername("o-10002", true)).isEmpty();
    }

    @Test
    void feishuStyle() {
        use("feishu");

        JsonNode idToken = loginOk("alice", "alice");

        assertThat(idToken.get("family_name").asText()).isEqualTo("Smith");
        assertThat(authorizeRequest().queryParam("app_id")).isEqualTo("cli_a1b2c3d4e5f60718");
        RecordedRequest token = tokenRequest();
        assertThat(token.contentType()).isEqualTo("application/json");
        assertThat(token.json().get("app_id").asText()).isEqualTo("cli_a1b2c3d4e5f60718");
        assertThat(token.json().get("app_secret").asText()).isEqualTo("feishu-app-secret");
        assertThat(token.json().has("redirect_uri")).isFalse();
        assertThat(link("alice").getUserId()).isEqualTo("10002");
    }

    private void use(String name) {
        Map<String, String> config = WorkedDialects.pointedAt(name, env.sso().baseUrl(), env.ssoBackchannelUrl(""));
        env.sso().dialect(Dialect.byName(name));
        env.sso().client(config.get("clientId"), config.get("clientSecret"));
        IdpConfig.of(env).replaceWith(config).apply();
    }
}
