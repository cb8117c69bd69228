package dev.companysso.keycloak.error;

import java.util.Optional;

/**
 * Makes the SSO's own error message fit to show a user: no control or invisible formatting
 * characters (which could hide or reorder text), whitespace collapsed, bounded length.
 * HTML escaping is left to the page template, which knows the output context.
 */
public final class UpstreamMessageSanitizer {

    /** Longest message shown, in code points, including the ellipsis. */
    public static final int MAX_LENGTH = 200;

    private static final String ELLIPSIS = "…";

    private UpstreamMessageSanitizer() {
    }

    /** The sanitized message, or empty when nothing visible is left. */
    public static Optional<String> sanitize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_LENGTH * 2));
        int kept = 0;
        boolean pendingSpace = false;
        boolean truncated = false;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = kept > 0;
                continue;
            }
            if (isInvisible(cp)) {
                continue;
            }
            // Stop scanning once the limit is passed: a huge message costs no more than a short one.
            if (kept + (pendingSpace ? 2 : 1) > MAX_LENGTH) {
                truncated = true;
                break;
            }
            if (pendingSpace) {
                out.append(' ');
                kept++;
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
            kept++;
        }
        if (truncated) {
            cutToFitEllipsis(out, kept);
        }
        return out.length() == 0 ? Optional.empty() : Optional.of(out.toString());
    }

    private static void cutToFitEllipsis(StringBuilder out, int kept) {
        int end = out.length();
        for (int excess = kept - (MAX_LENGTH - 1); excess > 0; excess--) {
            end = out.offsetByCodePoints(end, -1);
        }
        out.setLength(end);
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
        out.append(ELLIPSIS);
    }

    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE;
    }
}
