package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The README's compatibility table claims what CI runs: the releases it credits to {@code ./scripts/compat.sh}
 * must be exactly the releases that script runs by default, CI must run that script as is, and the release
 * credited to the test command must be the harness's {@code keycloak.test.version}.
 */
class CompatibilityTableDocumentedTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void tableMatchesWhatCiRuns() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Compatibility");
        assertThat(start).as("README has a '## Compatibility' section").isNotNegative();
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));

        List<String> compatRows = new ArrayList<>();
        String testCommandRow = null;
        Matcher row = Pattern.compile("(?m)^\\| (26\\.\\d+\\.\\d+) \\|[^|]*\\|([^|]*)\\|$").matcher(section);
        while (row.find()) {
            if (row.group(2).contains("`./scripts/compat.sh`")) {
                compatRows.add(row.group(1));
            } else if (row.group(2).contains("`./scripts/test.sh`")) {
                testCommandRow = row.group(1);
            }
        }

        Matcher defaults = Pattern.compile("versions=\\(([0-9. ]+)\\)")
                .matcher(Files.readString(ROOT.resolve("scripts/compat.sh")));
        assertThat(defaults.find()).as("scripts/compat.sh has a default list of releases").isTrue();
        assertThat(compatRows).as("README rows credited to ./scripts/compat.sh")
                .containsExactlyInAnyOrder(defaults.group(1).trim().split(" +"));

        assertThat(Files.readAllLines(ROOT.resolve(".ci/run"))).as(".ci/run runs both commands as is")
                .contains("./scripts/test.sh", "./scripts/compat.sh");

        Matcher testVersion = Pattern.compile("<keycloak.test.version>([^<]+)</keycloak.test.version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(testVersion.find()).isTrue();
        assertThat(testCommandRow).as("the README row credited to ./scripts/test.sh").isEqualTo(testVersion.group(1));
    }
}
