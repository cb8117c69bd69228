package dev.companysso.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The worked dialects of the README, one JSON file each under {@code src/test/resources/dialects/}: the provider
 * configuration exactly as the README shows it, for an SSO at {@link #DOCUMENTED_ORIGIN}.
 */
final class WorkedDialects {

    /** In README order; each is also the simulator preset of the same name. */
    static final List<String> NAMES = List.of("plain", "seed", "envelope", "wechat", "feishu");

    /** The SSO's address as written in the README; tests point it at the simulator. */
    static final String DOCUMENTED_ORIGIN = "https://mycompany.sso.com";

    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkedDialects() {
    }

    /** The configuration as documented. */
    static Map<String, String> documented(String name) {
        try (InputStream in = WorkedDialects.class.getResourceAsStream("/dialects/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no dialects/" + name + ".json");
            }
            return JSON.readValue(in, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The configuration with the SSO's origin replaced: the authorization URL by the address the browser uses,
     * every other URL by the address Keycloak uses (they differ when Keycloak runs in a container).
     */
    static Map<String, String> pointedAt(String name, String browserBaseUrl, String backchannelBaseUrl) {
        Map<String, String> config = new LinkedHashMap<>();
        documented(name).forEach((key, value) -> config.put(key, value.replace(DOCUMENTED_ORIGIN,
                key.equals("authorizationUrl") ? browserBaseUrl : backchannelBaseUrl)));
        return config;
    }
}
