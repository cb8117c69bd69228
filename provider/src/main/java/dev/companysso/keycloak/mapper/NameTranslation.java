package dev.companysso.keycloak.mapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.companysso.keycloak.config.NameValue;

/**
 * Turns the SSO's values into Keycloak role or group names: a translation table ('SSO value=keycloak name' per
 * line; values not in the table pass unchanged unless the table is strict), then a prefix, then an allow-list of
 * resulting names (empty: all allowed). Pure, so that a dry run and the unit tests see exactly what a login does.
 */
public final class NameTranslation {

    private final Map<String, String> table;
    private final boolean onlyTranslated;
    private final String prefix;
    private final Set<String> allowed;

    public NameTranslation(String tableLines, boolean onlyTranslated, String prefix, String allowList) {
        this.table = new HashMap<>();
        for (NameValue entry : NameValue.parseLines(tableLines, '=')) {
            table.put(entry.name(), entry.value());
        }
        this.onlyTranslated = onlyTranslated;
        this.prefix = prefix == null ? "" : prefix;
        this.allowed = new LinkedHashSet<>();
        if (allowList != null) {
            for (String name : allowList.split("[\\r\\n,]+")) {
                if (!name.isBlank()) {
                    allowed.add(name.trim());
                }
            }
        }
    }

    public List<String> apply(List<String> ssoValues) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String value : ssoValues) {
            String translated = table.get(value);
            if (translated == null && onlyTranslated) {
                continue;
            }
            String name = prefix + (translated != null ? translated : value);
            if (allowed.isEmpty() || allowed.contains(name)) {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }
}
