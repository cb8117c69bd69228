package dev.companysso.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.testcontainers.Testcontainers;
import org.testcontainers.utility.MountableFile;

/**
 * Keycloak in the official container image through testcontainers-keycloak: the same suites on a host with a
 * Docker engine ({@code -Dkeycloak.runtime=container}). The simulator stays on the host and is reached through
 * Testcontainers' host alias.
 */
public final class ContainerKeycloak implements KeycloakServer {

    private static final String HOST_ALIAS = "host.testcontainers.internal";

    private final KeycloakContainer container;

    private ContainerKeycloak(KeycloakContainer container) {
        this.container = container;
    }

    public static ContainerKeycloak start(ServerSettings settings, int... hostPorts) {
        for (int port : hostPorts) {
            Testcontainers.exposeHostPorts(port);
        }
        KeycloakContainer container = new KeycloakContainer("quay.io/keycloak/keycloak:" + settings.version())
                .withProviderLibsFrom(settings.providerJars().stream().map(Path::toFile).toList());
        container.withAccessToHost(true);
        // Back-channel URLs are called from inside the container; browser-facing ones stay as the host sees them.
        settings.env().forEach((name, value) -> container.withEnv(name,
                name.endsWith("_BACKCHANNEL_URL") ? value.replace("127.0.0.1", HOST_ALIAS) : value));
        for (Path realm : settings.realmFiles()) {
            container.withCopyFileToContainer(MountableFile.forHostPath(realm),
                    "/opt/keycloak/data/import/" + realm.getFileName());
        }
        container.withCommand("start-dev", "--import-realm", "--log-level=INFO,dev.companysso:debug");
        container.start();
        return new ContainerKeycloak(container);
    }

    @Override
    public String baseUrl() {
        String url = container.getAuthServerUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String adminUsername() {
        return container.getAdminUsername();
    }

    @Override
    public String adminPassword() {
        return container.getAdminPassword();
    }

    @Override
    public String urlSeenByKeycloak(String hostUrl) {
        URI uri = URI.create(hostUrl);
        return hostUrl.replace(uri.getHost(), HOST_ALIAS);
    }

    @Override
    public Optional<Path> logFile() {
        return Optional.empty();
    }

    @Override
    public void close() {
        container.stop();
    }
}
