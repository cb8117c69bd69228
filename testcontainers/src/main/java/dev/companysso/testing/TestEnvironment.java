package dev.companysso.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.companysso.simulator.CompanySsoSimulator;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * Everything an end-to-end suite talks to: the simulated company SSO, a real Keycloak with the extension and the
 * ready realm installed, and an admin client. Built once per test JVM and closed when the run ends.
 */
public final class TestEnvironment implements AutoCloseable {

    /** The realm shipped by realm-export, imported at start-up. */
    public static final String REALM = "company";
    public static final String IDP_ALIAS = "company-sso";

    private final CompanySsoSimulator sso;
    private final KeycloakServer keycloak;
    private final Keycloak admin;

    private TestEnvironment(CompanySsoSimulator sso, KeycloakServer keycloak) {
        this.sso = sso;
        this.keycloak = keycloak;
        this.admin = KeycloakBuilder.builder()
                .serverUrl(keycloak.baseUrl())
                .realm("master")
                .clientId("admin-cli")
                .username(keycloak.adminUsername())
                .password(keycloak.adminPassword())
                .build();
    }

    public static TestEnvironment start() {
        CompanySsoSimulator sso = CompanySsoSimulator.start(0);
        try {
            String runtime = System.getProperty("keycloak.runtime", "distribution");
            Path workDir = Paths.get(ServerSettings.property("keycloak.work.dir"));
            // The browser is sent to COMPANY_SSO_URL; Keycloak itself calls COMPANY_SSO_BACKCHANNEL_URL.
            Map<String, String> env = new LinkedHashMap<>();
            env.put("COMPANY_SSO_URL", sso.baseUrl());
            env.put("COMPANY_SSO_BACKCHANNEL_URL", sso.baseUrl());
            ServerSettings settings = new ServerSettings(ServerSettings.property("keycloak.version"),
                    providerJars(), List.of(realmFile(workDir)), env);
            KeycloakServer keycloak = "container".equals(runtime)
                    ? ContainerKeycloak.start(settings, sso.port())
                    : DistributionKeycloak.start(Paths.get(ServerSettings.property("keycloak.dist.dir")), workDir, settings);
            return new TestEnvironment(sso, keycloak);
        } catch (RuntimeException e) {
            sso.close();
            throw e;
        }
    }

    private static List<Path> providerJars() {
        Path dir = Paths.get(ServerSettings.property("keycloak.providers.dir"));
        try (var files = Files.list(dir)) {
            List<Path> jars = new ArrayList<>(files.filter(p -> p.toString().endsWith(".jar")).sorted().toList());
            if (jars.isEmpty()) {
                throw new IllegalStateException("No extension jars in " + dir + ": run through Maven (./mvnw verify)");
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The realm-export module's realm file, taken from the test classpath. */
    private static Path realmFile(Path workDir) {
        try (InputStream in = TestEnvironment.class.getResourceAsStream("/realm/company-realm.json")) {
            if (in == null) {
                throw new IllegalStateException("realm/company-realm.json is not on the classpath (realm-export module)");
            }
            Files.createDirectories(workDir);
            Path target = workDir.resolve("company-realm.json");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CompanySsoSimulator sso() {
        return sso;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    /** A simulator URL for Keycloak's own (back-channel) calls: token, user info, JWKS, second profile call. */
    public String ssoBackchannelUrl(String path) {
        return keycloak.urlSeenByKeycloak(sso.baseUrl()) + path;
    }

    public Keycloak admin() {
        return admin;
    }

    /**
     * Stores a secret in Keycloak's file vault for the test realm, for {@code ${vault.KEY}} references. The file is
     * named by Keycloak's default REALM_UNDERSCORE_KEY resolver: realm and key joined by '_', with every '_' inside
     * either doubled ({@code company_company__sso__secret}).
     */
    public void writeVaultSecret(String key, String value) {
        Path dir = keycloak.vaultDir().orElseThrow(() -> new IllegalStateException(
                "this Keycloak runtime has no file vault (only the distribution runtime configures one)"));
        try {
            Files.writeString(dir.resolve(REALM.replace("_", "__") + "_" + key.replace("_", "__")), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh browser-like client: its own cookies, nothing shared with other tests. */
    public BrowserSession newBrowser() {
        return new BrowserSession();
    }

    /** An OIDC application registered in the realm, for driving logins the way an app would. */
    public OidcApp app() {
        return OidcApp.ensure(this);
    }

    @Override
    public void close() {
        try {
            admin.close();
        } finally {
            try {
                keycloak.close();
            } finally {
                sso.close();
            }
        }
    }
}
