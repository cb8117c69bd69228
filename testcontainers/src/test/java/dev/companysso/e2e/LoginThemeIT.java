package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.companysso.simulator.SsoPaths;
import dev.companysso.testing.BrowserSession;
import dev.companysso.testing.CompanySsoEnvironmentExtension;
import dev.companysso.testing.OidcApp;
import dev.companysso.testing.Page;
import dev.companysso.testing.TestEnvironment;

import jakarta.ws.rs.core.Response;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.IdentityProviderResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * The login theme's settings and pages at the HTTP level: where the local form goes (folded, shown, hidden, per
 * realm), the button's icon, error pages in Chinese, and auto-redirect to the company SSO without a redirect loop
 * when the SSO fails.
 */
@ExtendWith(CompanySsoEnvironmentExtension.class)
class LoginThemeIT {

    private static final String REDIRECT_FLOW = "browser with Company SSO redirect";
    private static final String AUTO_CLIENT = "auto-redirect-app";
    private static final String AUTO_REDIRECT_URI = "http://127.0.0.1:9/auto/callback";

    private final TestEnvironment env;
    private final RealmResource realm;
    private final IdentityProviderResource idp;
    private RealmRepresentation realmBefore;
    private IdentityProviderRepresentation idpBefore;

    LoginThemeIT(TestEnvironment env) {
        this.env = env;
        this.realm = env.admin().realm(TestEnvironment.REALM);
        this.idp = realm.identityProviders().get(TestEnvironment.IDP_ALIAS);
    }

    @BeforeEach
    void remember() {
        env.sso().reset();
        realmBefore = realm.toRepresentation();
        idpBefore = idp.toRepresentation();
    }

    @AfterEach
    void restore() {
        env.sso().reset();
        setLocalLogin(realmBefore.getAttributesOrEmpty().get("companySsoLocalLogin"));
        idp.update(idpBefore);
        realm.users().searchByUsername("alice", true).forEach(u -> realm.users().delete(u.getId()).close());
    }

    @Test
    void companySsoComesFirstAndTheLocalFormIsFolded() {
        Document page = loginPage(null).document();
        Element button = page.selectFirst("a#social-company-sso");
        assertThat(button).isNotNull();
        assertThat(button.hasClass("pf-m-primary")).isTrue();
        assertThat(button.text()).isEqualTo("Company SSO");
        assertThat(button.selectFirst("img.company-sso-icon").attr("src")).endsWith("/img/company-sso.svg");
        assertThat(page.select("a[href], button, summary").first()).isEqualTo(button);
        Element details = page.selectFirst("details#kc-local-login");
        assertThat(details).isNotNull();
        assertThat(details.hasAttr("open")).isFalse();
        assertThat(details.selectFirst("form#kc-form-login")).isNotNull();
        assertThat(details.selectFirst("summary").text()).isEqualTo("Sign in with a local account");
        // Not listed a second time under "Or sign in with".
        assertThat(page.select("#social-company-sso")).hasSize(1);
        assertThat(page.selectFirst("#kc-social-providers")).isNull();
    }

    @Test
    void theRealmAttributeShowsOrHidesTheLocalForm() {
        setLocalLogin("hidden");
        Document hidden = loginPage(null).document();
        assertThat(hidden.selectFirst("form#kc-form-login")).isNull();
        assertThat(hidden.selectFirst("details#kc-local-login")).isNull();
        assertThat(hidden.selectFirst("a#social-company-sso")).isNotNull();

        setLocalLogin("shown");
        Document shown = loginPage(null).document();
        assertThat(shown.selectFirst("form#kc-form-login")).isNotNull();
        assertThat(shown.selectFirst("details#kc-local-login")).isNull();
    }

    @Test
    void aFailedLocalLoginKeepsTheFormOpen() {
        BrowserSession browser = env.newBrowser();
        Page login = browser.follow(env.app().authorizationUrl(null), OidcApp::isAppRedirect);
        Page again = browser.submit(login, "form#kc-form-login", Map.of("username", "nobody", "password", "wrong"),
                OidcApp::isAppRedirect);
        Element details = again.document().selectFirst("details#kc-local-login");
        assertThat(details).as(again.text()).isNotNull();
        assertThat(details.hasAttr("open")).isTrue();
        assertThat(again.text()).contains("Invalid username or password");
    }

    @Test
    void theIconComesFromTheProvidersThemeConfig() {
        IdentityProviderRepresentation rep = idp.toRepresentation();
        rep.getConfig().put("kcTheme-iconUrl", "https://intranet.example.com/sso-logo.png");
        idp.update(rep);
        Element button = loginPage(null).document().selectFirst("a#social-company-sso");
        assertThat(button.selectFirst("img.company-sso-icon").attr("src")).isEqualTo("https://intranet.example.com/sso-logo.png");
    }

    @Test
    void theLoginPageAndTheProvidersErrorPagesInChinese() {
        Document page = loginPage("ui_locales=zh-CN").document();
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(page.selectFirst("summary").text()).isEqualTo("使用本地账号登录");
        assertThat(page.selectFirst(".company-sso-intro").text()).isEqualTo("使用公司账号登录");

        env.sso().refuse(SsoPaths.TOKEN, "account locked");
        BrowserSession browser = env.newBrowser().language("zh-CN");
        Page ssoForm = env.app().openCompanySsoLogin(browser, "ui_locales=zh-CN");
        Page error = browser.submit(ssoForm, "#sso-login", Map.of("username", "alice", "password", "alice-pass"),
                OidcApp::isAppRedirect);
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.text()).contains("Company SSO拒绝了本次登录。").contains("account locked");
    }

    @Test
    void autoRedirectGoesStraightToTheSsoAndAFailingSsoEndsOnAnErrorPageNotInALoop() {
        String clientId = autoRedirectClient();
        BrowserSession browser = env.newBrowser();
        String auth = env.keycloak().baseUrl() + "/realms/" + TestEnvironment.REALM + "/protocol/openid-connect/auth"
                + "?client_id=" + clientId + "&response_type=code&scope=openid&redirect_uri="
                + java.net.URLEncoder.encode(AUTO_REDIRECT_URI, java.nio.charset.StandardCharsets.UTF_8);

        // Straight to the SSO: no Keycloak login page on the way.
        Page ssoForm = browser.follow(auth, l -> l.startsWith(AUTO_REDIRECT_URI));
        assertThat(ssoForm.uri().toString()).startsWith(env.sso().baseUrl());
        assertThat(ssoForm.document().selectFirst("#sso-login")).isNotNull();

        // The SSO refuses the code: one error page, not a redirect back to the SSO.
        env.sso().refuse(SsoPaths.TOKEN, "maintenance");
        int authorizeCalls = env.sso().requests(SsoPaths.AUTHORIZE).size();
        Page error = browser.submit(ssoForm, "#sso-login", Map.of("username", "alice", "password", "alice-pass"),
                l -> l.startsWith(AUTO_REDIRECT_URI));
        assertThat(error.isRedirect()).isFalse();
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.text()).contains("Company SSO refused the sign-in. maintenance");
        assertThat(env.sso().requests(SsoPaths.AUTHORIZE)).hasSize(authorizeCalls);

        // The user cancels at the SSO (error=access_denied): Keycloak's login page, not another trip to the SSO.
        BrowserSession other = env.newBrowser();
        Page form = other.follow(auth, l -> l.startsWith(AUTO_REDIRECT_URI));
        String state = form.document().selectFirst("#sso-login input[name=state]").val();
        String callback = form.document().selectFirst("#sso-login input[name=redirect_uri]").val();
        int before = env.sso().requests(SsoPaths.AUTHORIZE).size();
        Page cancelled = other.follow(callback + "?state=" + state + "&error=access_denied",
                l -> l.startsWith(AUTO_REDIRECT_URI));
        assertThat(cancelled.isRedirect()).isFalse();
        assertThat(cancelled.uri().toString()).startsWith(env.keycloak().baseUrl());
        assertThat(cancelled.document().selectFirst("a#social-company-sso")).as(cancelled.text()).isNotNull();
        assertThat(env.sso().requests(SsoPaths.AUTHORIZE)).hasSize(before);
    }

    // ------------------------------------------------------------------ helpers

    private Page loginPage(String extraQuery) {
        return env.newBrowser().follow(env.app().authorizationUrl(extraQuery), OidcApp::isAppRedirect);
    }

    private void setLocalLogin(String value) {
        RealmRepresentation rep = realm.toRepresentation();
        Map<String, String> attributes = new HashMap<>(rep.getAttributesOrEmpty());
        if (value == null) {
            attributes.remove("companySsoLocalLogin");
        } else {
            attributes.put("companySsoLocalLogin", value);
        }
        rep.setAttributes(attributes);
        realm.update(rep);
    }

    /**
     * What the README tells admins: a copy of the browser flow whose "Identity Provider Redirector" step has
     * defaultProvider = company-sso, bound here to one client (the realm's browser flow is left alone).
     */
    private String autoRedirectClient() {
        var flows = realm.flows();
        if (flows.getFlows().stream().noneMatch(f -> f.getAlias().equals(REDIRECT_FLOW))) {
            flows.copy("browser", Map.of("newName", REDIRECT_FLOW)).close();
            AuthenticationExecutionInfoRepresentation redirector = flows.getExecutions(REDIRECT_FLOW).stream()
                    .filter(e -> "identity-provider-redirector".equals(e.getProviderId())).findFirst().orElseThrow();
            AuthenticatorConfigRepresentation config = new AuthenticatorConfigRepresentation();
            config.setAlias("company-sso-redirect");
            config.setConfig(Map.of("defaultProvider", TestEnvironment.IDP_ALIAS));
            flows.newExecutionConfig(redirector.getId(), config).close();
        }
        if (realm.clients().findByClientId(AUTO_CLIENT).isEmpty()) {
            String flowId = flows.getFlows().stream().filter(f -> f.getAlias().equals(REDIRECT_FLOW))
                    .findFirst().orElseThrow().getId();
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(AUTO_CLIENT);
            client.setPublicClient(true);
            client.setStandardFlowEnabled(true);
            client.setRedirectUris(List.of(AUTO_REDIRECT_URI));
            client.setAuthenticationFlowBindingOverrides(Map.of("browser", flowId));
            try (Response response = realm.clients().create(client)) {
                assertThat(response.getStatus()).isEqualTo(201);
            }
        }
        return AUTO_CLIENT;
    }
}
