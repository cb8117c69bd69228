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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.companysso.testing.BrowserSession;
import dev.companysso.testing.CompanySsoEnvironmentExtension;
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
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;

/**
 * Issue 5: the realm file of realm-export, imported as is by the real Keycloak at start-up, is ready to use: its
 * clients, roles, scope, theme, brute-force protection, mappers and user profile are there, and Node-RED's client
 * signs a user in through the company SSO and gets the SSO's roles in its ID token.
 */
@ExtendWith(CompanySsoEnvironmentExtension.class)
class ReadyRealmIT {

    static final String NODE_RED_CALLBACK = "http://127.0.0.1:1880/auth/strategy/callback";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestEnvironment env;
    private final RealmResource realm;

    ReadyRealmIT(TestEnvironment env) {
        this.env = env;
        this.realm = env.admin().realm(TestEnvironment.REALM);
    }

    @BeforeEach
    @AfterEach
    void clean() {
        env.sso().reset();
        realm.users().searchByUsername("zhangsan", true).forEach(u -> realm.users().delete(u.getId()).close());
    }

    @Test
    void realmSettingsThemeAndBruteForce() {
        RealmRepresentation rep = realm.toRepresentation();
        assertThat(rep.getLoginTheme()).isEqualTo("company-sso");
        assertThat(rep.isBruteForceProtected()).isTrue();
        assertThat(rep.isInternationalizationEnabled()).isTrue();
        assertThat(rep.getSupportedLocales()).containsExactlyInAnyOrder("en", "zh-CN");
        assertThat(rep.getAttributesOrEmpty()).containsEntry("companySsoLocalLogin", "folded");
        List<String> roles = realm.roles().list().stream().map(RoleRepresentation::getName).toList();
        assertThat(roles).contains("admin", "editor", "reader");
    }

    @Test
    void nodeRedAndSpaClientsWithTheRolesClaimAndBuiltInScopes() {
        ClientRepresentation nodeRed = client("node-red");
        assertThat(nodeRed.isPublicClient()).isFalse();
        assertThat(nodeRed.isStandardFlowEnabled()).isTrue();
        assertThat(nodeRed.isDirectAccessGrantsEnabled()).isFalse();
        assertThat(nodeRed.getRedirectUris()).containsExactly(NODE_RED_CALLBACK);
        assertThat(realm.clients().get(nodeRed.getId()).getSecret().getValue()).isEqualTo("node-red-secret");

        ClientRepresentation spa = client("spa");
        assertThat(spa.isPublicClient()).isTrue();
        assertThat(spa.getAttributes()).containsEntry("pkce.code.challenge.method", "S256");

        for (ClientRepresentation client : List.of(nodeRed, spa)) {
            // The roles claim is a mapper of the client itself: a realm file that declares client scopes loses
            // Keycloak's built-in ones on 26.4/26.5, so the file declares none (README, "The ready realm").
            assertThat(client.getProtocolMappers()).as(client.getClientId()).singleElement().satisfies(m -> {
                assertThat(m.getProtocolMapper()).isEqualTo("oidc-usermodel-realm-role-mapper");
                assertThat(m.getConfig()).containsEntry("claim.name", "roles").containsEntry("id.token.claim", "true")
                        .containsEntry("userinfo.token.claim", "true").containsEntry("multivalued", "true");
            });
            assertThat(scopeNames(realm.clients().get(client.getId()).getDefaultClientScopes())).as(client.getClientId())
                    .contains("profile", "email", "roles", "basic", "web-origins", "acr");
        }
        // The built-in clients keep theirs (the account console is what the demo signs in to), and a client an admin
        // adds later gets the realm's defaults.
        assertThat(scopeNames(realm.clients().get(client("account-console").getId()).getDefaultClientScopes()))
                .contains("profile", "email", "roles", "basic");
        assertThat(scopeNames(realm.getDefaultDefaultClientScopes())).contains("profile", "email", "roles", "basic");
    }

    @Test
    void mappersAndUserProfile() {
        List<IdentityProviderMapperRepresentation> mappers =
                realm.identityProviders().get(TestEnvironment.IDP_ALIAS).getMappers();
        assertThat(mappers).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("roles");
            assertThat(m.getIdentityProviderMapper()).isEqualTo("company-sso-role-list-mapper");
            assertThat(m.getConfig()).containsEntry("path", "$.roles").containsEntry("allowList", "admin\neditor\nreader");
        }).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("departments");
            assertThat(m.getIdentityProviderMapper()).isEqualTo("company-sso-group-list-mapper");
            assertThat(m.getConfig()).containsEntry("path", "$.depts").containsEntry("elementPath", "$.code")
                    .containsEntry("parentGroup", "/Company").containsEntry("createMissing", "true");
        }).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("department names");
            assertThat(m.getIdentityProviderMapper()).isEqualTo("company-sso-attribute-importer");
            assertThat(m.getConfig()).containsEntry("path", "$.depts[*].name").containsEntry("userAttribute", "department");
        });

        UPConfig profile = realm.users().userProfile().getConfiguration();
        assertThat(profile.getAttribute("department")).isNotNull();
        assertThat(profile.getAttribute("department").isMultivalued()).isTrue();
        assertThat(profile.getAttribute("username").getDisplayName()).isEqualTo("${username}"); // not a placeholder
        assertThat(profile.getUnmanagedAttributePolicy()).isEqualTo(UPConfig.UnmanagedAttributePolicy.ADMIN_VIEW);
    }

    @Test
    void nodeRedSignsInThroughTheCompanySsoAndGetsRolesInTheIdToken() {
        BrowserSession browser = env.newBrowser();
        String auth = env.keycloak().baseUrl() + "/realms/" + TestEnvironment.REALM + "/protocol/openid-connect/auth"
                + "?client_id=node-red&response_type=code&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(NODE_RED_CALLBACK, StandardCharsets.UTF_8)
                + "&state=" + UUID.randomUUID() + "&nonce=" + UUID.randomUUID();
        Page login = browser.follow(auth, ReadyRealmIT::isNodeRedCallback);
        var button = login.document().selectFirst("a#social-" + TestEnvironment.IDP_ALIAS);
        assertThat(button).as("Company SSO button on %s: %s", login.uri(), login.text()).isNotNull();
        Page ssoForm = browser.follow(button.absUrl("href"), ReadyRealmIT::isNodeRedCallback);
        Page done = browser.submit(ssoForm, "#sso-login", Map.of("username", "zhangsan", "password", "zhangsan-pass"),
                ReadyRealmIT::isNodeRedCallback);
        String code = done.locationParam("code").orElseThrow(() -> new AssertionError("no code; page: " + done.text()));

        // A confidential client: the code is worth nothing without the secret...
        HttpResponse<String> withoutSecret = token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", NODE_RED_CALLBACK, "client_id", "node-red"));
        assertThat(withoutSecret.statusCode()).isEqualTo(401);
        // ...so start again and exchange the fresh code as Node-RED does.
        Page again = browser.follow(auth, ReadyRealmIT::isNodeRedCallback); // SSO session: straight back
        String code2 = again.locationParam("code").orElseThrow(() -> new AssertionError("no code: " + again.text()));
        HttpResponse<String> tokens = token(Map.of("grant_type", "authorization_code", "code", code2,
                "redirect_uri", NODE_RED_CALLBACK, "client_id", "node-red", "client_secret", "node-red-secret"));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode idToken = OidcApp.claims(read(tokens.body()).get("id_token").asText());

        assertThat(idToken.get("preferred_username").asText()).isEqualTo("zhangsan");
        assertThat(idToken.get("aud").asText()).isEqualTo("node-red");
        List<String> roles = new ArrayList<>();
        idToken.path("roles").forEach(r -> roles.add(r.asText()));
        assertThat(roles).contains("admin", "editor").doesNotContain("reader");

        // The realm's own mappers also filed the user under the departments and imported their names.
        UserRepresentation user = realm.users().searchByUsername("zhangsan", true).get(0);
        List<String> groups = realm.users().get(user.getId()).groups().stream().map(GroupRepresentation::getPath).toList();
        assertThat(groups).containsExactlyInAnyOrder("/Company/RD", "/Company/OPS");
        assertThat(realm.users().get(user.getId()).toRepresentation().getAttributes().get("department"))
                .containsExactlyInAnyOrder("研发部", "运维部");
    }

    private static boolean isNodeRedCallback(String location) {
        return location.startsWith(NODE_RED_CALLBACK);
    }

    private ClientRepresentation client(String clientId) {
        List<ClientRepresentation> found = realm.clients().findByClientId(clientId);
        assertThat(found).as("client %s", clientId).hasSize(1);
        return found.get(0);
    }

    private HttpResponse<String> token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(env.keycloak().baseUrl()
                            + "/realms/" + TestEnvironment.REALM + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> scopeNames(List<ClientScopeRepresentation> scopes) {
        return scopes.stream().map(ClientScopeRepresentation::getName).toList();
    }
}
