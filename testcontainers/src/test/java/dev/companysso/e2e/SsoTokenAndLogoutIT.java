package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.companysso.keycloak.config.Setting;
import dev.companysso.simulator.Dialect;
import dev.companysso.simulator.RecordedRequest;
import dev.companysso.simulator.SsoPaths;
import dev.companysso.testing.BrowserSession;
import dev.companysso.testing.CompanySsoEnvironmentExtension;
import dev.companysso.testing.IdpConfig;
import dev.companysso.testing.OidcApp;
import dev.companysso.testing.Page;
import dev.companysso.testing.TestEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/**
 * Issue 6 without a browser: an app gets the company SSO's own token through Keycloak's broker token endpoint,
 * refreshed in the SSO's dialect when it expires; signing out of Keycloak also signs out of the SSO.
 */
@ExtendWith(CompanySsoEnvironmentExtension.class)
class SsoTokenAndLogoutIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TestEnvironment env;
    private final RealmResource realm;

    SsoTokenAndLogoutIT(TestEnvironment env) {
        this.env = env;
        this.realm = env.admin().realm(TestEnvironment.REALM);
    }

    @BeforeEach
    void envelopeDialectWithReadableTokens() {
        IdpConfig.restore(env);
        env.sso().reset();
        deleteAlice();
        // The {code,msg,data} dialect: the refresh must go through the same envelope as the login.
        env.sso().dialect(Dialect.envelope());
        IdpConfig.of(env).replaceWith(WorkedDialects.pointedAt("envelope", env.sso().baseUrl(), env.ssoBackchannelUrl(""))).apply();
        IdentityProviderRepresentation rep = IdpConfig.resource(env).toRepresentation();
        rep.setStoreToken(true);
        rep.setAddReadTokenRoleOnCreate(true); // new users get broker/read-token: apps may read their SSO token
        IdpConfig.resource(env).update(rep);
        allowPostLogoutRedirect();
    }

    @AfterEach
    void restore() {
        IdpConfig.restore(env);
        env.sso().reset();
        deleteAlice();
    }

    @Test
    void anAppGetsTheSsosTokenThroughKeycloakAndCallsTheCompanyApi() throws Exception {
        JsonNode tokens = login();

        JsonNode ssoToken = brokerToken(tokens.get("access_token").asText(), 200);
        assertThat(ssoToken.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(companyApi(ssoToken.get("access_token").asText())).isEqualTo(200);
    }

    @Test
    void anExpiredSsoTokenIsRefreshedInTheSsosDialect() throws Exception {
        env.sso().dialect(Dialect.envelope().with(d -> d.expiresIn(2))); // shorter than Keycloak's 5 s minimum validity
        JsonNode tokens = login();
        String first = brokerToken(tokens.get("access_token").asText(), 200).get("access_token").asText();
        env.sso().expireAllAccessTokens();
        assertThat(companyApi(first)).isEqualTo(401);

        JsonNode refreshed = brokerToken(tokens.get("access_token").asText(), 200);

        assertThat(refreshed.get("access_token").asText()).isNotEqualTo(first);
        assertThat(companyApi(refreshed.get("access_token").asText())).isEqualTo(200);
        RecordedRequest refresh = env.sso().requests(SsoPaths.TOKEN).stream()
                .filter(r -> "refresh_token".equals(r.formParam("grant_type"))).findFirst().orElseThrow();
        assertThat(refresh.formParam("client_id")).isEqualTo("aaa");
        assertThat(refresh.formParam("client_secret")).isEqualTo("bbb");
        assertThat(refresh.formParam("scope")).isEqualTo("app"); // the dialect's extra token parameter
    }

    @Test
    void aFailedRefreshIsAClearError() throws Exception {
        env.sso().dialect(Dialect.envelope().with(d -> d.expiresIn(2)));
        JsonNode tokens = login();
        env.sso().refuse(SsoPaths.TOKEN, "refresh token revoked by security team");

        HttpResponse<String> response = brokerTokenResponse(tokens.get("access_token").asText());

        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").asText()).isEqualTo("token_refresh_failed");
        assertThat(error.get("error_description").asText()).contains("refresh token revoked by security team");
    }

    @Test
    void browserLogoutAlsoEndsTheSsoSession() throws Exception {
        IdpConfig.of(env).set(Setting.LOGOUT_URL, env.sso().baseUrl() + SsoPaths.LOGOUT)
                .set(Setting.LOGOUT_PARAMS, "access_token=${access_token}\nclient=${client_id}").apply();
        BrowserSession browser = env.newBrowser();
        JsonNode tokens = login(browser);

        String logout = env.keycloak().baseUrl() + "/realms/" + TestEnvironment.REALM + "/protocol/openid-connect/logout"
                + "?id_token_hint=" + tokens.get("id_token").asText()
                + "&post_logout_redirect_uri=" + URLEncoder.encode(OidcApp.REDIRECT_URI, StandardCharsets.UTF_8);
        Page back = browser.follow(logout, OidcApp::isAppRedirect);

        assertThat(back.location()).hasValueSatisfying(l -> assertThat(l).startsWith(OidcApp.REDIRECT_URI));
        RecordedRequest ssoLogout = env.sso().requests(SsoPaths.LOGOUT).get(0);
        assertThat(ssoLogout.queryParam("client")).isEqualTo("aaa");
        assertThat(ssoLogout.queryParam("access_token")).isNotBlank();
        assertThat(ssoLogout.queryParam("post_logout_redirect_uri")).endsWith("/broker/company-sso/endpoint/logout_response");
        assertThat(sessionsOfAlice()).isZero();
    }

    @Test
    void backChannelLogoutCallsTheSsoWithoutTheBrowser() throws Exception {
        IdpConfig.of(env).set(Setting.LOGOUT_URL, env.ssoBackchannelUrl(SsoPaths.LOGOUT))
                .set(Setting.LOGOUT_MODE, "backchannel").apply();
        login();

        String id = realm.users().searchByUsername("alice", true).get(0).getId();
        realm.users().get(id).logout(); // an admin signs the user out everywhere

        List<RecordedRequest> calls = env.sso().requests(SsoPaths.LOGOUT);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).queryParam("post_logout_redirect_uri")).isNull();
        assertThat(sessionsOfAlice()).isZero();
    }

    private JsonNode login() {
        return login(env.newBrowser());
    }

    private JsonNode login(BrowserSession browser) {
        Page done = env.app().loginThroughSso(browser, "alice", "alice-pass");
        assertThat(done.locationParam("code")).as("login; page: %s", done.text()).isPresent();
        return env.app().exchangeCode(done.locationParam("code").orElseThrow());
    }

    private JsonNode brokerToken(String keycloakAccessToken, int expectedStatus) throws Exception {
        HttpResponse<String> response = brokerTokenResponse(keycloakAccessToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> brokerTokenResponse(String keycloakAccessToken) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(env.keycloak().baseUrl() + "/realms/" + TestEnvironment.REALM
                        + "/broker/" + TestEnvironment.IDP_ALIAS + "/token"))
                .header("Authorization", "Bearer " + keycloakAccessToken).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private int companyApi(String ssoAccessToken) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(env.sso().baseUrl() + SsoPaths.API_ME))
                .header("Authorization", "Bearer " + ssoAccessToken).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private long sessionsOfAlice() {
        String id = realm.users().searchByUsername("alice", true).get(0).getId();
        return realm.users().get(id).getUserSessions().size();
    }

    private void allowPostLogoutRedirect() {
        env.app();
        ClientRepresentation client = realm.clients().findByClientId(OidcApp.CLIENT_ID).get(0);
        if (!"+".equals(client.getAttributes().get("post.logout.redirect.uris"))) {
            client.getAttributes().put("post.logout.redirect.uris", "+");
            realm.clients().get(client.getId()).update(client);
        }
    }

    private void deleteAlice() {
        realm.users().searchByUsername("alice", true).forEach(u -> realm.users().delete(u.getId()).close());
    }
}
