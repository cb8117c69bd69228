package dev.companysso.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness must leave no Keycloak behind, even when the test JVM dies without running its shutdown hooks.
 * Here a stand-in owner process plays the JVM and a stand-in server plays kc.sh.
 */
class KeycloakWatchdogTest {

    @TempDir
    Path dir;

    @Test
    void theServerStopsWhenItsOwnerDisappears() throws Exception {
        Path script = dir.resolve("watchdog.sh");
        try (InputStream in = DistributionKeycloak.class.getResourceAsStream("keycloak-watchdog.sh")) {
            Files.copy(in, script);
        }
        Process owner = new ProcessBuilder("sleep", "300").start();
        Process watchdog = new ProcessBuilder("setsid", "bash", script.toString(), Long.toString(owner.pid()),
                "sleep", "300").start();
        ProcessHandle server = awaitChild(watchdog.toHandle());

        owner.destroyForcibly().waitFor(); // like kill -9 of the test JVM: no hook runs

        assertThat(watchdog.waitFor(15, TimeUnit.SECONDS)).as("watchdog exits").isTrue();
        assertThat(server.onExit().get(15, TimeUnit.SECONDS).isAlive()).as("server stopped").isFalse();
    }

    @Test
    void terminatingTheWatchdogStopsTheServer() throws Exception {
        Path script = dir.resolve("watchdog.sh");
        try (InputStream in = DistributionKeycloak.class.getResourceAsStream("keycloak-watchdog.sh")) {
            Files.copy(in, script);
        }
        Process watchdog = new ProcessBuilder("setsid", "bash", script.toString(),
                Long.toString(ProcessHandle.current().pid()), "sleep", "300").start();
        ProcessHandle server = awaitChild(watchdog.toHandle());

        watchdog.destroy(); // SIGTERM, as the harness does at the end of a run

        assertThat(watchdog.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(server.onExit().get(15, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    private static ProcessHandle awaitChild(ProcessHandle parent) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Optional<ProcessHandle> child = parent.children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("watchdog did not start its server");
    }
}
