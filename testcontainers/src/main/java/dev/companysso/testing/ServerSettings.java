package dev.companysso.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a test suite needs in its Keycloak: the version, the extension jars, realm files to import and
 * environment variables (the realm files' placeholders). Defaults come from system properties set by the build.
 */
public record ServerSettings(String version, List<Path> providerJars, List<Path> realmFiles, Map<String, String> env) {

    public static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property '" + name + "' is not set: run the end-to-end tests "
                    + "through Maven (./mvnw verify), which sets it, or set it yourself");
        }
        return value;
    }
}
