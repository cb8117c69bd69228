package dev.companysso.keycloak.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/** The README's configuration reference must keep up with the code: every setting appears in its table. */
class ReadmeDocumentsEverySettingTest {

    @Test
    void everySettingHasARowInTheConfigurationReference() throws IOException {
        Path readme = Paths.get("..", "README.md");
        String text = Files.readString(readme);
        int start = text.indexOf("## Configuration reference");
        assertThat(start).as("README has a '## Configuration reference' section").isNotNegative();
        int end = text.indexOf("\n## ", start + 1);
        String reference = end < 0 ? text.substring(start) : text.substring(start, end);

        for (Setting setting : Setting.values()) {
            assertThat(reference)
                    .as("README documents setting '%s' (%s) as a table row", setting.key(), setting.label())
                    .contains("| `" + setting.key() + "` |");
        }
    }
}
