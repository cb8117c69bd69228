package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.companysso.e2e.E2eSupport.Callback;
import dev.companysso.e2e.E2eSupport.Restore;
import dev.companysso.simulator.Fault;
import dev.companysso.simulator.FaultTarget;
import dev.companysso.simulator.SsoPaths;
import dev.companysso.testing.CompanySsoEnvironmentExtension;
import dev.companysso.testing.Page;
import dev.companysso.testing.TestEnvironment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client secret from Keycloak's vault; no secret, code or token in the server log, even at DEBUG. */
@ExtendWith(CompanySsoEnvironmentExtension.class)
class SecretsIT {

    private final TestEnvironment env;
    private final E2eSupport e2e;

    SecretsIT(TestEnvironment env) {
        this.env = env;
        this.e2e = new E2eSupport(env);
    }

    @BeforeEach
    void reset() {
        env.sso().reset();
    }

    @Test
    void theClientSecretComesFromTheVault() {
        String secret = "vault-S3cret-" + Long.toHexString(System.nanoTime());
        env.writeVaultSecret("company_sso_secret", secret);
        env.sso().client(env.sso().clientId(), secret);
        try (Restore ignored = e2e.reconfigure(c -> c.put("clientSecret", "${vault.company_sso_secret}"))) {
            e2e.assertGoodLogin("alice", "alice-pass");
            assertThat(env.sso().requests(SsoPaths.TOKEN).get(0).formParam("client_secret")).isEqualTo(secret);
        }
    }

    @Test
    void noSecretCodeOrTokenReachesTheLogEvenAtDebug() throws Exception {
        Path log = env.keycloak().logFile().orElseThrow();
        String secret = "log-S3cret-" + Long.toHexString(System.nanoTime());
        env.sso().client(env.sso().clientId(), secret);
        List<String> codes = new ArrayList<>();
        try (Restore ignored = e2e.reconfigure(c -> c.put("clientSecret", secret))) {
            // a good login, and one that fails at user info
            Callback good = e2e.signInUntilCallback(env.newBrowser(), "alice", "alice-pass");
            codes.add(good.code());
            assertThat(E2eSupport.deliver(good.browser(), good.url()).locationParam("code")).isPresent();
            env.sso().faults().next(FaultTarget.USERINFO, Fault.HTML_ERROR_PAGE);
            Callback bad = e2e.signInUntilCallback(env.newBrowser(), "alice", "alice-pass");
            codes.add(bad.code());
            Page page = E2eSupport.deliver(bad.browser(), bad.url());
            assertThat(page.status()).isEqualTo(502);
        }
        List<String> tokens = e2e.accessTokensSeenBySso();
        assertThat(tokens).hasSize(2);
        Thread.sleep(1000); // the server writes its log asynchronously

        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).as("the client secret").doesNotContain(secret);
        for (String code : codes) {
            assertThat(text).as("an authorization code").doesNotContain(code);
        }
        for (String token : tokens) {
            assertThat(text).as("an access token").doesNotContain(token);
        }
        // ...while the redacted DEBUG lines are there
        assertThat(text).contains("DEBUG [dev.companysso.keycloak.upstream.UpstreamHttp]")
                .contains("Company SSO 'company-sso': token request -> POST ")
                .contains("code=***", "client_secret=***", "code_verifier=***")
                .contains("token request <- HTTP 200", "\"access_token\":\"***\"", "\"refresh_token\":\"***\"")
                .contains("user info request -> GET ", "headers [Authorization, Accept]")
                .contains("user info request <- HTTP 200, text/html");
    }
}
