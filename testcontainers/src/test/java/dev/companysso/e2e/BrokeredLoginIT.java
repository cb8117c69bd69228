package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.companysso.testing.BrowserSession;
import dev.companysso.testing.CompanySsoEnvironmentExtension;
import dev.companysso.testing.OidcApp;
import dev.companysso.testing.Page;
import dev.companysso.testing.TestEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.IdentityProviderResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The walking skeleton: app -> Keycloak -> Company SSO (simulated, seed dialect) -> Keycloak -> ID token.
 */
@ExtendWith(CompanySsoEnvironmentExtension.class)
class BrokeredLoginIT {

    private final TestEnvironment env;
    private final RealmResource realm;

    BrokeredLoginIT(TestEnvironment env) {
        this.env = env;
        this.realm = env.admin().realm(TestEnvironment.REALM);
    }

    @BeforeEach
    void seedDialect() {
        env.sso().reset();
        deleteUser("zhangsan");
        deleteUser("alice");
    }

    @Test
    void companySsoIsOfferedInTheAddProviderList() {
        var providers = env.admin().serverInfo().getInfo().getIdentityProviders();
        assertThat(providers).anySatisfy(provider -> {
            assertThat(provider.get("id")).isEqualTo("company-sso");
            assertThat(provider.get("name")).isEqualTo("Company SSO");
        });
    }

    @Test
    void brokeredLoginOnTheSeedDialectEndsWithAnIdToken() {
        BrowserSession browser = env.newBrowser();
        Page ssoForm = env.app().openCompanySsoLogin(browser);
        // The fixed ?uuid=... of the configured authorization URL reached the SSO.
        assertThat(ssoForm.uri().getQuery()).contains("uuid=" + env.sso().uuid()).contains("scope=app");
        assertThat(ssoForm.document().selectFirst("#sso-login")).isNotNull();

        Page done = browser.submit(ssoForm, "#sso-login",
                java.util.Map.of("username", "alice", "password", "alice-pass"), OidcApp::isAppRedirect);

        assertThat(done.locationParam("code")).as("app received a code; page was: %s", done.text()).isPresent();
        JsonNode tokens = env.app().exchangeCode(done.locationParam("code").orElseThrow());
        JsonNode idToken = OidcApp.claims(tokens.get("id_token").asText());
        assertThat(idToken.get("preferred_username").asText()).isEqualTo("alice");
        assertThat(idToken.get("email").asText()).isEqualTo("alice@example.com");
        assertThat(idToken.get("given_name").asText()).isEqualTo("Alice");
        assertThat(idToken.get("family_name").asText()).isEqualTo("Smith");

        // The SSO saw the seed's token request: client id and secret in the form body, scope app.
        var tokenRequest = env.sso().requests("/sso/oauth/token").get(0);
        assertThat(tokenRequest.form()).containsEntry("client_id", List.of("aaa"))
                .containsEntry("client_secret", List.of("bbb"))
                .containsEntry("grant_type", List.of("authorization_code"))
                .containsEntry("scope", List.of("app"));
        // ...and a userinfo call with the bearer token.
        var userinfo = env.sso().requests("/sso/oauth/userinfo").get(0);
        assertThat(userinfo.headers().get("authorization").get(0)).startsWith("Bearer ");

        // The admin API shows the user linked to the SSO's (numeric) id.
        UserRepresentation user = realm.users().searchByUsername("alice", true).get(0);
        List<FederatedIdentityRepresentation> links = realm.users().get(user.getId()).getFederatedIdentity();
        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.getIdentityProvider()).isEqualTo(TestEnvironment.IDP_ALIAS);
            assertThat(link.getUserId()).isEqualTo("10002");
            assertThat(link.getUserName()).isEqualTo("alice");
        });
    }

    @Test
    void chineseNamesAndNumericIdsSurviveTheTrip() {
        Page done = env.app().loginThroughSso(env.newBrowser(), "zhangsan", "zhangsan-pass");
        JsonNode idToken = OidcApp.claims(env.app().exchangeCode(done.locationParam("code").orElseThrow())
                .get("id_token").asText());
        assertThat(idToken.get("given_name").asText()).isEqualTo("三");
        assertThat(idToken.get("family_name").asText()).isEqualTo("张");
        assertThat(realm.users().searchByUsername("zhangsan", true).get(0).isEmailVerified()).isTrue();
    }

    @Test
    void aWrongPasswordAtTheSsoCreatesNoUser() {
        BrowserSession browser = env.newBrowser();
        Page ssoForm = env.app().openCompanySsoLogin(browser);
        Page again = browser.submit(ssoForm, "#sso-login",
                java.util.Map.of("username", "alice", "password", "wrong"), OidcApp::isAppRedirect);

        assertThat(again.document().selectFirst("#sso-error")).isNotNull();
        assertThat(env.sso().requests("/sso/oauth/token")).isEmpty();
        assertThat(realm.users().searchByUsername("alice", true)).isEmpty();
    }

    @Test
    void aBrokenUserinfoUrlEndsTheLoginWithoutAUser() {
        IdentityProviderResource idp = realm.identityProviders().get(TestEnvironment.IDP_ALIAS);
        IdentityProviderRepresentation original = idp.toRepresentation();
        IdentityProviderRepresentation broken = idp.toRepresentation();
        broken.getConfig().put("userInfoUrl", env.ssoBackchannelUrl("/sso/oauth/no-such-endpoint"));
        idp.update(broken);
        try {
            Page done = env.app().loginThroughSso(env.newBrowser(), "alice", "alice-pass");

            assertThat(done.locationParam("code")).isEmpty();
            assertThat(done.status()).isEqualTo(502);
            assertThat(done.text()).contains("Company SSO").doesNotContain("Exception").doesNotContain("bbb");
            assertThat(realm.users().searchByUsername("alice", true)).isEmpty();
        } finally {
            idp.update(original);
        }
        // The next good login works.
        Page done = env.app().loginThroughSso(env.newBrowser(), "alice", "alice-pass");
        assertThat(done.locationParam("code")).isPresent();
    }

    private void deleteUser(String username) {
        realm.users().searchByUsername(username, true).forEach(u -> realm.users().delete(u.getId()).close());
    }
}
