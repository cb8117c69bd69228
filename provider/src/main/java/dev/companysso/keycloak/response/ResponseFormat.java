package dev.companysso.keycloak.response;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the SSO encodes its answers; AUTO sniffs the body because many SSOs mislabel it. */
public enum ResponseFormat {
    AUTO, JSON, FORM, JWT;

    /**
     * @param configValue the admin's setting, any case; null or blank means AUTO
     * @throws IllegalArgumentException for anything else, listing the allowed values
     */
    public static ResponseFormat parse(String configValue) {
        if (configValue == null || configValue.isBlank()) {
            return AUTO;
        }
        String value = configValue.strip();
        for (ResponseFormat format : values()) {
            // equalsIgnoreCase, not toUpperCase: a Turkish default locale would turn "json" into "JSON" with a dotted I.
            if (format.name().equalsIgnoreCase(value)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown response format '" + value + "'; allowed values: "
                + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
