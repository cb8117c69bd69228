package dev.companysso.keycloak.path;

import com.fasterxml.jackson.databind.JsonNode;

/** One compiled step of a path: a member name, an array index or a wildcard. */
final class Step {

    enum Kind { MEMBER, INDEX, WILDCARD }

    static final Step WILDCARD = new Step(Kind.WILDCARD, null, 0);

    final Kind kind;
    private final String name;
    private final int index;

    private Step(Kind kind, String name, int index) {
        this.kind = kind;
        this.name = name;
        this.index = index;
    }

    static Step member(String name) {
        return new Step(Kind.MEMBER, name, 0);
    }

    static Step index(int index) {
        return new Step(Kind.INDEX, null, index);
    }

    /** The one child a member or index step selects, or null when there is none (never for wildcards). */
    JsonNode child(JsonNode node) {
        if (kind == Kind.MEMBER) {
            return node.isObject() ? node.get(name) : null;
        }
        if (!node.isArray()) {
            return null;
        }
        // Negative indexes count from the end, as admins know from other JSONPath tools.
        int position = index < 0 ? node.size() + index : index;
        return position >= 0 && position < node.size() ? node.get(position) : null;
    }

    /** Appends the canonical bracket form, so that {@code a.b} and {@code $['a']['b']} compare equal. */
    void appendNormalized(StringBuilder out) {
        switch (kind) {
            case WILDCARD -> out.append("[*]");
            case INDEX -> out.append('[').append(index).append(']');
            case MEMBER -> {
                out.append("['");
                for (int i = 0; i < name.length(); i++) {
                    char c = name.charAt(i);
                    if (c == '\'' || c == '\\') {
                        out.append('\\');
                    }
                    out.append(c);
                }
                out.append("']");
            }
        }
    }
}
