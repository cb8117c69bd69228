package dev.companysso.keycloak.path;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the small JSONPath subset admins type into steps. Hand-written rather than regex-based so
 * every error can name the exact spot, and so nothing of it runs again at evaluation time.
 */
final class PathParser {

    private final String text;
    private final List<Step> steps = new ArrayList<>();
    private int i;

    private PathParser(String text) {
        this.text = text;
    }

    static List<Step> parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new PathSyntaxException("empty expression");
        }
        return new PathParser(expression).steps();
    }

    private List<Step> steps() {
        char first = text.charAt(0);
        if (first == '$') {
            i = 1;
        } else if (first != '[') {
            // The bare dotted form "data.user.id" starts with a member name.
            readMemberName();
        }
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                readDotted();
            } else if (c == '[') {
                readBracket();
            } else if (c == ']') {
                throw error("unexpected ']'", i);
            } else {
                throw error("expected '.' or '['", i);
            }
        }
        return steps;
    }

    private void readDotted() {
        int dot = i++;
        if (i == text.length()) {
            throw error("expression ends with '.'", dot);
        }
        char next = text.charAt(i);
        if (next == '.') {
            throw error("recursive descent '..' is not supported", dot);
        }
        if (next == '[') {
            throw error("expected a name after '.'", i);
        }
        readMemberName();
    }

    private void readMemberName() {
        int start = i;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.' || c == '[') {
                break;
            }
            if (c == ']' || c == '(' || c == ')') {
                throw error("unexpected '" + c + "'", i);
            }
            i++;
        }
        if (i == start) {
            throw error("unexpected '" + text.charAt(i) + "'", i);
        }
        if (Character.isWhitespace(text.codePointAt(start))) {
            throw error("name starts with whitespace", start);
        }
        if (Character.isWhitespace(text.codePointBefore(i))) {
            throw error("name ends with whitespace", i - 1);
        }
        String name = text.substring(start, i);
        steps.add(name.equals("*") ? Step.WILDCARD : Step.member(name));
    }

    private void readBracket() {
        int open = i++;
        if (i == text.length()) {
            throw error("unclosed '['", open);
        }
        char c = text.charAt(i);
        if (c == '\'' || c == '"') {
            steps.add(Step.member(readQuoted()));
        } else if (c == '*') {
            i++;
            steps.add(Step.WILDCARD);
        } else if (c == '-' || isDigit(c)) {
            steps.add(Step.index(readIndex(open)));
        } else if (c == '?') {
            throw error("filter expressions are not supported", i);
        } else if (c == ']') {
            throw error("unexpected ']'", i);
        } else {
            throw error("expected a quoted name, an index or '*'", i);
        }
        if (i == text.length()) {
            throw error("unclosed '['", open);
        }
        if (text.charAt(i) != ']') {
            throw error("expected ']'", i);
        }
        i++;
    }

    private String readQuoted() {
        int open = i;
        char quote = text.charAt(i++);
        StringBuilder name = new StringBuilder();
        while (true) {
            if (i == text.length()) {
                throw error("unclosed quote", open);
            }
            char c = text.charAt(i);
            if (c == quote) {
                i++;
                break;
            }
            if (c == '\\') {
                if (i + 1 == text.length()) {
                    throw error("unclosed quote", open);
                }
                char escaped = text.charAt(i + 1);
                if (escaped != '\'' && escaped != '"' && escaped != '\\') {
                    throw error("unsupported escape '\\" + escaped + "'", i);
                }
                name.append(escaped);
                i += 2;
            } else {
                name.append(c);
                i++;
            }
        }
        if (name.length() == 0) {
            throw error("empty name", open);
        }
        return name.toString();
    }

    private int readIndex(int open) {
        int start = i;
        if (text.charAt(i) == '-') {
            i++;
        }
        int digits = i;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            throw error("unclosed '['", open);
        }
        if (i == digits) {
            throw error("expected a digit", i);
        }
        try {
            return Integer.parseInt(text, start, i, 10);
        } catch (NumberFormatException tooLarge) {
            throw error("index out of range", start);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Positions count code points, so a Chinese or emoji name does not shift them. */
    private PathSyntaxException error(String problem, int charIndex) {
        return new PathSyntaxException(problem, text.codePointCount(0, charIndex) + 1);
    }
}
