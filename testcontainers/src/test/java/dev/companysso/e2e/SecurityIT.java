package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.companysso.simulator.RecordedRequest;
import dev.companysso.simulator.SimUser;
import dev.companysso.simulator.SsoPaths;
import dev.companysso.testing.BrowserSession;
import dev.companysso.testing.CompanySsoEnvironmentExtension;
import dev.companysso.testing.OidcApp;
import dev.companysso.testing.Page;
import dev.companysso.testing.TestEnvironment;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** PKCE, the exact redirect URI, no account take-over by email, colliding and odd usernames. */
@ExtendWith(CompanySsoEnvironmentExtension.class)
class SecurityIT {

    private final TestEnvironment env;
    private final E2eSupport e2e;
    private final RealmResource realm;

    SecurityIT(TestEnvironment env) {
        this.env = env;
        this.e2e = new E2eSupport(env);
        this.realm = e2e.realm();
    }

    @BeforeEach
    void reset() {
        env.sso().reset();
        for (String username : List.of("alice", "alice.local")) {
            realm.users().searchByUsername(username, true).forEach(u -> realm.users().delete(u.getId()).close());
        }
    }

    @Test
    void pkceIsOnByDefaultAndTheRedirectUriIsExactlyTheBrokerEndpoint() throws Exception {
        e2e.assertGoodLogin("alice", "alice-pass");

        RecordedRequest authorize = env.sso().requests(SsoPaths.AUTHORIZE).get(0);
        RecordedRequest token = env.sso().requests(SsoPaths.TOKEN).get(0);
        assertThat(authorize.queryParam("code_challenge_method")).isEqualTo("S256");
        String verifier = token.formParam("code_verifier");
        assertThat(verifier).isNotBlank();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        assertThat(authorize.queryParam("code_challenge")).isEqualTo(challenge);

        String brokerEndpoint = env.keycloak().baseUrl() + "/realms/" + TestEnvironment.REALM + E2eSupport.BROKER_ENDPOINT;
        assertThat(authorize.queryParam("redirect_uri")).isEqualTo(brokerEndpoint);
        assertThat(token.formParam("redirect_uri")).isEqualTo(brokerEndpoint);
    }

    @Test
    void anSsoUserWithAnExistingUsersEmailCannotTakeOverTheAccount() {
        UserRepresentation local = new UserRepresentation();
        local.setUsername("alice.local");
        local.setEmail("alice@example.com");
        local.setEmailVerified(true);
        local.setEnabled(true);
        local.setFirstName("Alice");
        local.setLastName("Local");
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType("password");
        password.setValue("local-Passw0rd!");
        password.setTemporary(false);
        local.setCredentials(List.of(password));
        String localId;
        try (Response created = realm.users().create(local)) {
            assertThat(created.getStatus()).isEqualTo(201);
            String location = created.getLocation().getPath();
            localId = location.substring(location.lastIndexOf('/') + 1);
        }
        long usersBefore = realm.users().count();

        BrowserSession browser = env.newBrowser();
        Page page = env.app().loginThroughSso(browser, "alice", "alice-pass");
        E2eSupport.assertCleanPage(page);
        // Keycloak's default first-broker-login flow stops on "Account already exists" and asks.
        assertThat(page.locationParam("code")).isEmpty();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Account already exists", "alice@example.com", "Add to existing account");
        assertThat(realm.users().get(localId).getFederatedIdentity()).isEmpty();
        assertThat(realm.users().count()).isEqualTo(usersBefore);

        // Choosing "add to existing account" does not link either: Keycloak wants the local account's password
        // (no e-mail server is configured, so e-mail verification is skipped).
        Page confirm = browser.submit(page, "form", Map.of("submitAction", "linkAccount"), OidcApp::isAppRedirect);
        E2eSupport.assertCleanPage(confirm);
        assertThat(confirm.locationParam("code")).isEmpty();
        assertThat(confirm.document().select("input[type=password]")).isNotEmpty();
        assertThat(realm.users().get(localId).getFederatedIdentity()).isEmpty();
        assertThat(realm.users().searchByUsername("alice", true)).isEmpty();
    }

    @Test
    void aSecondSsoUserWithTheSameUsernameDoesNotGetTheFirstOnesAccount() {
        e2e.assertGoodLogin("alice", "alice-pass");
        UserRepresentation alice = realm.users().searchByUsername("alice", true).get(0);
        // Another person at the SSO: same username, another id and e-mail.
        env.sso().users().update("alice", u -> {
            u.setId(20002);
            u.setEmail("alice.two@example.com");
        });
        Page page = env.app().loginThroughSso(env.newBrowser(), "alice", "alice-pass");
        E2eSupport.assertCleanPage(page);
        assertThat(page.locationParam("code")).isEmpty();
        assertThat(page.text()).contains("Account already exists", "username alice");
        assertThat(realm.users().get(alice.getId()).getFederatedIdentity()).singleElement()
                .satisfies(link -> assertThat(link.getUserId()).isEqualTo("10002"));
        assertThat(realm.users().searchByEmail("alice.two@example.com", true)).isEmpty();
    }

    @Test
    void oddUsernamesEndInAClearOutcome() throws Exception {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("space", "john smith");
        names.put("chinese", "张三丰");
        names.put("slash", "dev/ops");
        names.put("at", "carol@corp");
        names.put("long", "u".repeat(300));
        StringBuilder outcomes = new StringBuilder();
        int id = 30000;
        for (Map.Entry<String, String> name : names.entrySet()) {
            SimUser user = new SimUser(name.getValue(), "pw-" + name.getKey(), ++id);
            user.setEmail(name.getKey() + "@odd.example.com");
            user.setFirstName("Odd");
            user.setLastName(name.getKey());
            env.sso().users().add(user);

            Page page = env.app().loginThroughSso(env.newBrowser(), name.getValue(), "pw-" + name.getKey());
            E2eSupport.assertCleanPage(page);
            String outcome;
            if (page.locationParam("code").isPresent()) {
                List<UserRepresentation> created = realm.users().searchByEmail(name.getKey() + "@odd.example.com", true);
                assertThat(created).hasSize(1);
                outcome = "signed in as Keycloak user '" + created.get(0).getUsername() + "'";
            } else {
                assertThat(page.status()).isLessThan(500);
                assertThat(realm.users().searchByEmail(name.getKey() + "@odd.example.com", true)).isEmpty();
                String shown = page.document().select("h1, #kc-page-title").text() + " | "
                        + page.document().select(".pf-v5-c-alert, .alert, [id^=input-error]").text();
                outcome = "HTTP " + page.status() + ": " + shown;
            }
            outcomes.append(name.getKey()).append(" (").append(name.getValue().length() > 40
                    ? name.getValue().substring(0, 10) + "… " + name.getValue().length() + " chars" : name.getValue())
                    .append("): ").append(outcome).append('\n');
        }
        Path report = Paths.get(System.getProperty("test.artifacts.dir", "target/test-artifacts"), "odd-usernames.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, outcomes.toString());
        System.out.println("Odd usernames:\n" + outcomes);
        e2e.assertGoodLogin("zhangsan", "zhangsan-pass");
    }
}
