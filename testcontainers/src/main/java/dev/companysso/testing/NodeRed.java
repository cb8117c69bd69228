package dev.companysso.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Node-RED, installed with npm from {@code examples/node-red/package.json} (and its lock file) and started
 * with that example's {@code settings.js}. The installation lives under the build directory and is reused while
 * the example's package files are unchanged; npm needs network access to the npm registry the first time.
 * {@link #close()} stops the process (also registered as a shutdown hook).
 */
public final class NodeRed implements AutoCloseable {

    /** What examples/node-red/package.json pins; the installation is checked against them. */
    public static final String NODE_RED_VERSION = "4.1.15";
    public static final String STRATEGY_VERSION = "0.1.2";

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final String baseUrl;
    private final Path log;
    private final Thread shutdownHook;

    private NodeRed(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "node-red-stopper");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Path exampleDir() {
        return Paths.get(System.getProperty("node-red.example.dir", "../examples/node-red")).toAbsolutePath().normalize();
    }

    public static Path installDir() {
        return Paths.get(System.getProperty("node-red.install.dir", "target/node-red")).toAbsolutePath().normalize();
    }

    /**
     * Installs the example's pinned packages into {@link #installDir()} with {@code npm ci}, unless an earlier run
     * installed the same lock file there and the pinned versions are present.
     */
    public static Path install() {
        Path example = exampleDir();
        Path dir = installDir();
        try {
            Files.createDirectories(dir);
            Path lock = example.resolve("package-lock.json");
            Path installedLock = dir.resolve("package-lock.json");
            if (Files.exists(installedLock) && Files.mismatch(lock, installedLock) == -1
                    && Files.mismatch(example.resolve("package.json"), dir.resolve("package.json")) == -1
                    && NODE_RED_VERSION.equals(installedVersion(dir, "node-red"))
                    && STRATEGY_VERSION.equals(installedVersion(dir, "passport-openidconnect"))) {
                return dir;
            }
            Files.copy(example.resolve("package.json"), dir.resolve("package.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(lock, installedLock, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path npmLog = artifactsDir().resolve("npm-install.log");
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=warn")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(npmLog.toFile())
                    .start();
            if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                npm.descendants().forEach(ProcessHandle::destroyForcibly);
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci took longer than " + INSTALL_TIMEOUT + " (log: " + npmLog + ")");
            }
            if (npm.exitValue() != 0 || !NODE_RED_VERSION.equals(installedVersion(dir, "node-red"))
                    || !STRATEGY_VERSION.equals(installedVersion(dir, "passport-openidconnect"))) {
                Files.deleteIfExists(installedLock); // not a usable cache
                throw new IllegalStateException("npm ci in " + dir + " failed (exit " + npm.exitValue() + "):\n"
                        + tail(npmLog));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install Node-RED with npm (is Node.js with npm on the PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the installed Node-RED on a free port of 127.0.0.1 with the example's settings.js, signing in through
     * {@code keycloakUrl}, and waits until its admin API answers.
     */
    public static NodeRed start(String keycloakUrl) {
        Path dir = install();
        int port = freePort();
        String baseUrl = "http://127.0.0.1:" + port;
        try {
            Path userDir = Files.createDirectories(dir.resolve("user-" + port));
            Path log = artifactsDir().resolve("node-red.log");
            ProcessBuilder builder = new ProcessBuilder("node", "node_modules/node-red/red.js",
                    "--settings", exampleDir().resolve("settings.js").toString(),
                    "--userDir", userDir.toString(), "--port", Integer.toString(port))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("KEYCLOAK_URL", keycloakUrl);
            env.put("NODE_RED_URL", baseUrl);
            env.put("NODE_RED_HOST", "127.0.0.1");
            env.put("NODE_RED_AUDIT", "true");
            NodeRed nodeRed = new NodeRed(builder.start(), baseUrl, log);
            try {
                nodeRed.awaitReady();
                return nodeRed;
            } catch (RuntimeException e) {
                nodeRed.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        // HTTP/1.1: Java's default h2c upgrade header would be taken by Node-RED's WebSocket server.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node-RED exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/auth/login"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Node-RED did not answer within " + START_TIMEOUT + ":\n" + tail(log));
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The redirect URI Keycloak's node-red client must accept for this instance. */
    public String callbackUrl() {
        return baseUrl + "/auth/strategy/callback";
    }

    public Path log() {
        return log;
    }

    public String logTail() {
        return tail(log);
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static String installedVersion(Path dir, String module) throws IOException {
        Path manifest = dir.resolve("node_modules").resolve(module).resolve("package.json");
        if (!Files.exists(manifest)) {
            return null;
        }
        Matcher m = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(manifest));
        return m.find() ? m.group(1) : null;
    }

    private static Path artifactsDir() throws IOException {
        return Files.createDirectories(Paths.get(System.getProperty("test.artifacts.dir", "target/test-artifacts")));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }
}
