package dev.companysso.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keycloak from the official distribution zip (resolved and unpacked by Maven), started as a plain process:
 * the way to test on a host without Docker. One instance per suite; it is stopped when the suite ends, when the
 * JVM exits, and, through a watchdog script, even when the JVM is killed.
 */
public final class DistributionKeycloak implements KeycloakServer {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    private final Process process;
    private final String baseUrl;
    private final Path log;
    private final Path vault;
    private final Thread shutdownHook;

    private DistributionKeycloak(Process process, String baseUrl, Path log, Path vault) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
        this.vault = vault;
        this.shutdownHook = new Thread(this::stopProcess, "keycloak-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * @param home    the unpacked distribution (keycloak-VERSION/)
     * @param workDir where the log and the watchdog script go
     */
    public static DistributionKeycloak start(Path home, Path workDir, ServerSettings settings) {
        try {
            checkVersion(home, settings.version());
            Files.createDirectories(workDir);
            installProviders(home, settings.providerJars());
            installRealms(home, settings.realmFiles());
            int httpPort = freePort();
            int managementPort = freePort();
            Path log = workDir.resolve("keycloak.log");
            Path vault = Files.createDirectories(workDir.resolve("vault"));
            Path watchdog = writeWatchdog(workDir);

            List<String> command = new ArrayList<>(List.of("setsid", "bash", watchdog.toString(),
                    Long.toString(ProcessHandle.current().pid()), home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                    "--http-host=127.0.0.1", "--hostname-strict=false", "--health-enabled=true", "--import-realm",
                    "--cache=local",
                    // A file vault for ${vault.KEY} references (files <realm>_<key>, read at use time), and the
                    // provider's DEBUG log of every SSO exchange, which tests check for leaked secrets.
                    "--vault=file", "--vault-dir=" + vault,
                    "--log-level=INFO,dev.companysso:debug"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx1024m");
            builder.environment().putAll(settings.env());
            Process process = builder.start();

            DistributionKeycloak server = new DistributionKeycloak(process, "http://127.0.0.1:" + httpPort, log, vault);
            server.awaitReady("http://127.0.0.1:" + managementPort + "/health/ready");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
    }

    /** The unpacked server must be the version the build asked for (version.txt: "Keycloak - 26.7.3"). */
    private static void checkVersion(Path home, String expected) throws IOException {
        Path versionFile = home.resolve("version.txt");
        if (!Files.isRegularFile(versionFile)) {
            throw new IllegalStateException("No Keycloak distribution at " + home + ": run through Maven (./mvnw verify)");
        }
        String actual = Files.readString(versionFile).replaceAll("(?s).*?(\\d+\\.\\d+\\.\\d+\\S*).*", "$1");
        if (!actual.equals(expected)) {
            throw new IllegalStateException(home + " holds Keycloak " + actual + ", not the requested " + expected);
        }
    }

    private static void installProviders(Path home, List<Path> jars) throws IOException {
        Path providers = home.resolve("providers");
        Files.createDirectories(providers);
        try (Stream<Path> old = Files.list(providers)) {
            for (Path jar : old.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.delete(jar);
            }
        }
        for (Path jar : jars) {
            Files.copy(jar, providers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A fresh embedded database per suite: tests never see an earlier run's users. */
    private static void installRealms(Path home, List<Path> realmFiles) throws IOException {
        Path data = home.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path imports = Files.createDirectories(data.resolve("import"));
        for (Path realm : realmFiles) {
            Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path writeWatchdog(Path workDir) throws IOException {
        Path script = workDir.resolve("keycloak-watchdog.sh");
        try (InputStream in = DistributionKeycloak.class.getResourceAsStream("keycloak-watchdog.sh")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }

    private void awaitReady(String healthUrl) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited during start-up (exit " + process.exitValue()
                        + "). Last lines of " + log + ":\n" + tail(40));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(healthUrl)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + START_TIMEOUT + ". Last lines:\n" + tail(40));
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String adminUsername() {
        return ADMIN;
    }

    @Override
    public String adminPassword() {
        return ADMIN_PASSWORD;
    }

    @Override
    public String urlSeenByKeycloak(String hostUrl) {
        return hostUrl;
    }

    @Override
    public Optional<Path> logFile() {
        return Optional.of(log);
    }

    @Override
    public Optional<Path> vaultDir() {
        return Optional.of(vault);
    }

    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or has run
        }
    }

    /** SIGTERM to the watchdog (which stops its whole process group), then force after a grace period. */
    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
