package dev.companysso.keycloak.mapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import dev.companysso.keycloak.path.JsonPath;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the values a mapper works on from the profile document: a path, and for arrays of objects an optional
 * path inside each element (e.g. path {@code $.depts}, element path {@code $.code}).
 *
 * <p>Three outcomes matter for sync: the path is absent ({@link #isAbsent()}: the SSO said nothing, so nothing is
 * removed), present but null or empty (the SSO says "none": what the mapper granted goes), or values.
 */
public final class ProfileValues {

    private final boolean absent;
    private final List<String> values;

    private ProfileValues(boolean absent, List<String> values) {
        this.absent = absent;
        this.values = values;
    }

    public static ProfileValues read(JsonNode profile, JsonPath path, JsonPath elementPath) {
        if (profile == null) {
            return new ProfileValues(true, List.of());
        }
        List<JsonNode> matches = path.select(profile);
        if (matches.isEmpty()) {
            return new ProfileValues(true, List.of());
        }
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (JsonNode match : matches) {
            if (match.isArray()) {
                match.forEach(element -> add(values, element, elementPath));
            } else {
                add(values, match, elementPath);
            }
        }
        return new ProfileValues(false, new ArrayList<>(values));
    }

    private static void add(LinkedHashSet<String> values, JsonNode node, JsonPath elementPath) {
        if (elementPath != null && node.isContainerNode()) {
            values.addAll(elementPath.selectTexts(node));
            return;
        }
        String text = JsonPath.asText(node);
        if (text != null && !text.isBlank()) {
            values.add(text.trim());
        }
    }

    public boolean isAbsent() {
        return absent;
    }

    /** Distinct values in document order; empty when absent, null or an empty array. */
    public List<String> values() {
        return values;
    }
}
