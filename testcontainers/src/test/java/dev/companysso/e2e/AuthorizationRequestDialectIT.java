package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.keycloak.config.Setting;
import dev.companysso.simulator.Dialect;
import dev.companysso.simulator.Dialect.Pkce;
import dev.companysso.simulator.RecordedRequest;
import dev.companysso.testing.TestEnvironment;

import org.junit.jupiter.api.Test;

/** The redirect to the SSO: fixed and renamed parameters, scope, PKCE and forwarded OIDC parameters. */
class AuthorizationRequestDialectIT extends DialectITSupport {

    AuthorizationRequestDialectIT(TestEnvironment env) {
        super(env);
    }

    @Test
    void fixedParametersFromTheUrlAndFromExtraLinesAndARenamedClientId() {
        sso(b -> b.clientIdParam("appid"));
        idp().set(Setting.AUTH_CLIENT_ID_PARAM, "appid")
                .set(Setting.AUTH_EXTRA_PARAMS, "lang=zh_CN\nchannel=keycloak")
                .apply();

        loginOk("alice", "alice");

        RecordedRequest authorize = authorizeRequest();
        assertThat(authorize.queryParam("uuid")).isEqualTo(Dialect.SEED_UUID);
        assertThat(authorize.queryParam("appid")).isEqualTo("aaa");
        assertThat(authorize.query()).doesNotContainKey("client_id");
        assertThat(authorize.queryParam("lang")).isEqualTo("zh_CN");
        assertThat(authorize.queryParam("channel")).isEqualTo("keycloak");
        assertThat(authorize.queryParam("response_type")).isEqualTo("code");
    }

    @Test
    void scopesJoinedWithACommaWhenTheSsoWantsIt() {
        sso(b -> b.scopeDelimiter(","));
        idp().set(Setting.DEFAULT_SCOPE, "app profile").set(Setting.SCOPE_DELIMITER, "comma").apply();

        loginOk("alice", "alice");

        assertThat(authorizeRequest().queryParam("scope")).isEqualTo("app,profile");
    }

    @Test
    void scopeLeftOutWhenSendScopeIsOff() {
        sso(b -> b.requiredScope(null));
        idp().set(Setting.SEND_SCOPE, "false").apply();

        loginOk("alice", "alice");

        assertThat(authorizeRequest().query()).doesNotContainKey("scope");
    }

    @Test
    void pkceS256() {
        sso(b -> b.pkce(Pkce.REQUIRED_S256));
        idp().set(Setting.PKCE, "S256").apply();

        loginOk("alice", "alice");

        assertThat(authorizeRequest().queryParam("code_challenge_method")).isEqualTo("S256");
        assertThat(authorizeRequest().queryParam("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(tokenRequest().formParam("code_verifier")).isNotBlank();
    }

    @Test
    void pkcePlain() {
        sso(b -> b.pkce(Pkce.REQUIRED_PLAIN));
        idp().set(Setting.PKCE, "plain").apply();

        loginOk("alice", "alice");

        assertThat(authorizeRequest().queryParam("code_challenge_method")).isEqualTo("plain");
        assertThat(tokenRequest().formParam("code_verifier")).isEqualTo(authorizeRequest().queryParam("code_challenge"));
    }

    @Test
    void pkceOffSendsNoChallengeAndNoVerifier() {
        sso(b -> b.pkce(Pkce.OPTIONAL));
        idp().set(Setting.PKCE, "off").apply();

        loginOk("alice", "alice");

        assertThat(authorizeRequest().query()).doesNotContainKeys("code_challenge", "code_challenge_method");
        assertThat(tokenRequest().form()).doesNotContainKey("code_verifier");
    }

    @Test
    void loginHintPromptAndUiLocalesForwardedWhenSwitchedOn() {
        idp().set(Setting.FORWARD_LOGIN_HINT, "true")
                .set(Setting.FORWARD_PROMPT, "true")
                .set(Setting.FORWARD_UI_LOCALES, "true")
                .apply();

        idToken(login("alice", "login_hint=alice&prompt=login&ui_locales=zh-CN"));

        RecordedRequest authorize = authorizeRequest();
        assertThat(authorize.queryParam("login_hint")).isEqualTo("alice");
        assertThat(authorize.queryParam("prompt")).isEqualTo("login");
        assertThat(authorize.queryParam("ui_locales")).isEqualTo("zh-CN");
    }

    @Test
    void loginHintPromptAndUiLocalesNotForwardedByDefault() {
        idToken(login("alice", "login_hint=alice&prompt=login&ui_locales=zh-CN"));

        assertThat(authorizeRequest().query()).doesNotContainKeys("login_hint", "prompt", "ui_locales");
    }
}
