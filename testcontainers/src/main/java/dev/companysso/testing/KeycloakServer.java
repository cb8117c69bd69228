package dev.companysso.testing;

import java.nio.file.Path;
import java.util.Optional;

/** A running Keycloak under test, whichever way it was started. */
public interface KeycloakServer extends AutoCloseable {

    /** e.g. {@code http://127.0.0.1:37211} (no trailing slash, no /auth). */
    String baseUrl();

    String adminUsername();

    String adminPassword();

    /** How Keycloak itself reaches a service on this host (the simulator): unchanged, or via the container's host alias. */
    String urlSeenByKeycloak(String hostUrl);

    /** The server's log, where the runtime gives one (for tests that grep it). */
    Optional<Path> logFile();

    /**
     * The directory of Keycloak's file vault ({@code --vault=file}), where the runtime has one. Keycloak reads a
     * secret file when the secret is used, so tests may write files while the server runs.
     */
    default Optional<Path> vaultDir() {
        return Optional.empty();
    }

    @Override
    void close();
}
