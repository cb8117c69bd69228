package dev.companysso.keycloak.config;

import java.util.ArrayList;
import java.util.List;

/** One 'name=value' (or 'Name: value') line of a multi-line setting such as extra parameters or headers. */
public record NameValue(String name, String value) {

    /**
     * Parses one entry per non-blank line, split at the first separator; blank lines and lines starting with '#'
     * are skipped. A line without a separator or with an empty name is refused with its line number.
     */
    public static List<NameValue> parseLines(String text, char separator) {
        List<NameValue> result = new ArrayList<>();
        if (text == null) {
            return result;
        }
        String[] lines = text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int at = line.indexOf(separator);
            if (at <= 0) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not of the form 'name" + separator + "value'");
            }
            result.add(new NameValue(line.substring(0, at).trim(), line.substring(at + 1).trim()));
        }
        return result;
    }
}
