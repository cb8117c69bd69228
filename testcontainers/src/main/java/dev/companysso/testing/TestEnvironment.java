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
import java.util.jar.JarFile;
import java.util.jar.Manifest;

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
            String version = ServerSettings.property("keycloak.version");
            List<Path> jars = providerJars();
            jars.forEach(jar -> checkJarFits(jar, version));
            ServerSettings settings = new ServerSettings(version, jars, List.of(realmFile(workDir)), env);
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

    /**
     * Refuses to test a provider jar on a Keycloak it was not built for (README, "Compatibility"): its manifest's
     * {@code Keycloak-Versions} is {@code 26.4} (company-sso-provider-kc26.4) or {@code 26.5+} (company-sso-provider).
     */
    static void checkJarFits(Path jar, String keycloakVersion) {
        String supported;
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            supported = manifest == null ? null : manifest.getMainAttributes().getValue("Keycloak-Versions");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (supported == null) {
            return; // the theme jar: no Keycloak API in it
        }
        String line = keycloakVersion.replaceAll("^(\\d+\\.\\d+).*", "$1");
        boolean fits = supported.endsWith("+")
                ? compareLines(line, supported.substring(0, supported.length() - 1)) >= 0
                : line.equals(supported);
        if (!fits) {
            throw new IllegalStateException(jar + " is built for Keycloak " + supported + ", not for " + keycloakVersion
                    + ": run Keycloak 26.4 with -Dkeycloak.test.provider=company-sso-provider-kc26.4 "
                    + "(scripts/compat.sh does)");
        }
    }

    private static int compareLines(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
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
