package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * What every dialect suite shares: a clean realm (no users, no events), the provider and the simulator back to the
 * seed afterwards, and a brokered login that ends with the app's ID token or on an error page.
 */
@ExtendWith(CompanySsoEnvironmentExtension.class)
abstract class DialectITSupport {

    protected final TestEnvironment env;
    protected final RealmResource realm;

    DialectITSupport(TestEnvironment env) {
        this.env = env;
        this.realm = env.admin().realm(TestEnvironment.REALM);
    }

    @BeforeEach
    void cleanStart() {
        IdpConfig.restore(env);
        env.sso().reset();
        deleteAllUsers();
        realm.clearEvents();
    }

    @AfterEach
    void restore() {
        IdpConfig.restore(env);
        env.sso().reset();
        deleteAllUsers();
    }

    // ------------------------------------------------------------------ set-up

    /** Switches the simulator to the seed dialect changed by {@code change}. */
    protected void sso(Consumer<Dialect.Builder> change) {
        env.sso().dialect(Dialect.seed().with(change));
    }

    protected IdpConfig idp() {
        return IdpConfig.of(env);
    }

    // ------------------------------------------------------------------ logins

    /** A full brokered login; returns the last page (the app's redirect with a code, or an error page). */
    protected Page login(String username) {
        return login(username, null);
    }

    protected Page login(String username, String appQuery) {
        BrowserSession browser = env.newBrowser();
        Page ssoForm = env.app().openCompanySsoLogin(browser, appQuery);
        assertThat(ssoForm.document().selectFirst("#sso-login"))
                .as("the SSO's login form; got %s: %s", ssoForm.uri(), ssoForm.text()).isNotNull();
        Page done = browser.submit(ssoForm, "#sso-login", Map.of("username", username, "password", username + "-pass"),
                OidcApp::isAppRedirect);
        return completeReviewProfile(browser, done, Map.of());
    }

    /**
     * Keycloak's first-login "review profile" form appears when the SSO gave no email or names (the realm's user
     * profile requires them): fill the empty fields as a user would and submit.
     */
    protected Page completeReviewProfile(BrowserSession browser, Page page, Map<String, String> values) {
        Element form = page.document().selectFirst("form#kc-idp-review-profile-form");
        if (form == null) {
            return page;
        }
        Map<String, String> fill = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            String name = input.attr("name");
            if (input.val().isEmpty() && !input.attr("type").equals("hidden")) {
                fill.put(name, values.getOrDefault(name, name.equals("email") ? "someone@example.com" : "Filled"));
            }
        }
        return browser.submit(page, "form#kc-idp-review-profile-form", fill, OidcApp::isAppRedirect);
    }

    /** The ID token the app gets for a successful login page. */
    protected JsonNode idToken(Page done) {
        assertThat(done.locationParam("code")).as("app received a code; page %s was: %s", done.uri(), done.text())
                .isPresent();
        JsonNode tokens = env.app().exchangeCode(done.locationParam("code").orElseThrow());
        return OidcApp.claims(tokens.get("id_token").asText());
    }

    /** Logs in and checks the app got an ID token for the expected Keycloak username. */
    protected JsonNode loginOk(String ssoUser, String expectedUsername) {
        JsonNode idToken = idToken(login(ssoUser));
        assertThat(idToken.get("preferred_username").asText()).isEqualTo(expectedUsername);
        return idToken;
    }

    // ------------------------------------------------------------------ what Keycloak stored

    protected UserRepresentation user(String username) {
        List<UserRepresentation> users = realm.users().searchByUsername(username, true);
        assertThat(users).as("Keycloak user %s", username).hasSize(1);
        return users.get(0);
    }

    protected FederatedIdentityRepresentation link(String username) {
        List<FederatedIdentityRepresentation> links = realm.users().get(user(username).getId()).getFederatedIdentity();
        assertThat(links).hasSize(1);
        return links.get(0);
    }

    protected void assertNoUsers() {
        assertThat(realm.users().list(0, 10)).as("users in the realm").isEmpty();
    }

    /** The reasons of the IDENTITY_PROVIDER_LOGIN_ERROR events since the test started, newest first. */
    protected List<String> loginErrorReasons() {
        List<EventRepresentation> events = realm.getEvents(List.of("IDENTITY_PROVIDER_LOGIN_ERROR"), null, null, null,
                null, null, 0, 20);
        return events.stream().map(e -> e.getDetails() == null ? null : e.getDetails().get("reason")).toList();
    }

    /** The login stopped on the provider's error page, no user exists and an event tells the admin why. */
    protected void assertFailedWithoutUser(Page page, String eventReason) {
        assertThat(page.locationParam("code")).as("no code for the app; page: %s", page.text()).isEmpty();
        assertThat(page.status()).isEqualTo(502);
        assertThat(page.text()).contains("Company SSO").doesNotContain("Exception");
        assertNoUsers();
        assertThat(loginErrorReasons()).as("event reasons").anySatisfy(r -> assertThat(r).startsWith(eventReason));
    }

    /**
     * The SSO's tokens as Keycloak stored them for the user ("Store tokens" is on in the realm), read the way an app
     * would: through Keycloak's broker token endpoint, with the broker read-token role granted to the user.
     */
    protected JsonNode storedSsoToken(String keycloakUsername, JsonNode appTokens) {
        ClientRepresentation broker = realm.clients().findByClientId("broker").get(0);
        RoleRepresentation readToken = realm.clients().get(broker.getId()).roles().get("read-token").toRepresentation();
        realm.users().get(user(keycloakUsername).getId()).roles().clientLevel(broker.getId()).add(List.of(readToken));
        String realmUrl = env.keycloak().baseUrl() + "/realms/" + TestEnvironment.REALM;
        String form = "grant_type=refresh_token&client_id=" + OidcApp.CLIENT_ID + "&client_secret=" + OidcApp.CLIENT_SECRET
                + "&refresh_token=" + URLEncoder.encode(appTokens.get("refresh_token").asText(), StandardCharsets.UTF_8);
        JsonNode refreshed = send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return send(HttpRequest.newBuilder(URI.create(realmUrl + "/broker/" + TestEnvironment.IDP_ALIAS + "/token"))
                .header("Authorization", "Bearer " + refreshed.get("access_token").asText()).GET());
    }

    private static JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s: %s", request.build().uri(), response.body()).isEqualTo(200);
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void deleteAllUsers() {
        realm.users().list(0, 100).forEach(u -> realm.users().delete(u.getId()).close());
    }

    // ------------------------------------------------------------------ what the SSO received

    protected RecordedRequest authorizeRequest() {
        return single(SsoPaths.AUTHORIZE);
    }

    protected RecordedRequest tokenRequest() {
        return single(SsoPaths.TOKEN);
    }

    protected RecordedRequest userinfoRequest() {
        return single(SsoPaths.USERINFO);
    }

    protected RecordedRequest single(String path) {
        List<RecordedRequest> requests = env.sso().requests(path);
        assertThat(requests).as("requests to %s", path).hasSize(1);
        return requests.get(0);
    }
}
