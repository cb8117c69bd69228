package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The README's "Worked dialects" section shows exactly the configurations {@link WorkedDialectsIT} applies. */
class WorkedDialectsDocumentedTest {

    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n\"config\": (\\{.*?})\\n```", Pattern.DOTALL);

    @Test
    void readmeSectionMatchesTheTestedConfigurations() throws IOException {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Worked dialects\n");
        assertThat(start).as("README has a '## Worked dialects' section").isPositive();
        assertThat(readme.indexOf("\n## Worked example: the seed's SSO\n")).isLessThan(start);
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);

        List<Map<String, String>> documented = new ArrayList<>();
        Matcher block = JSON_BLOCK.matcher(section);
        while (block.find()) {
            documented.add(new ObjectMapper().readValue(block.group(1), new TypeReference<Map<String, String>>() { }));
        }

        assertThat(documented).hasSameSizeAs(WorkedDialects.NAMES);
        for (int i = 0; i < documented.size(); i++) {
            assertThat(documented.get(i)).as("README block %d vs dialects/%s.json", i + 1, WorkedDialects.NAMES.get(i))
                    .containsExactlyEntriesOf(WorkedDialects.documented(WorkedDialects.NAMES.get(i)));
        }
    }

    private static Path readme() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw"))) {
                return dir.resolve("README.md");
            }
        }
        throw new IllegalStateException("README.md not found above " + here);
    }
}
