package dev.companysso.keycloak.log;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks secrets in what the provider logs about its SSO exchanges: values of query parameters, form fields and
 * JSON fields whose names suggest a secret (token, secret, code, password, ...), anything that looks like a JWT,
 * and any value the caller knows to be secret. Works on excerpts and on malformed text: it never parses.
 */
public final class Redactor {

    public static final String MASK = "***";

    /** Name fragments that mark a value as secret, matched case-insensitively anywhere in the name. */
    private static final String[] SENSITIVE = {"token", "secret", "code", "password", "passwd", "pwd", "assertion",
            "verifier", "ticket", "credential", "session", "authorization", "cookie", "apikey", "api_key"};

    /** {@code "name" : "value"} or {@code "name" : 123} (also with escaped quotes inside the value). */
    private static final Pattern JSON_FIELD = Pattern.compile(
            "\"([^\"\\\\]{1,100})\"(\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"?|-?[0-9][0-9.eE+-]*)");
    /** {@code name=value} in a query string or form body. */
    private static final Pattern FORM_FIELD = Pattern.compile("(^|[?&;\\s])([^=&?;\\s\"]{1,100})=([^&;\\s\"]*)");
    /** Three base64url segments, the first starting like a JSON header: a JWT, signed or not. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");

    private Redactor() {
    }

    /** True when a field or parameter of this name carries a secret. */
    public static boolean isSensitive(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String fragment : SENSITIVE) {
            if (lower.contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    /** A URL with the values of sensitive query parameters masked. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        return url.substring(0, query) + maskFormFields(url.substring(query));
    }

    /** Parameters as {@code a=1&client_secret=***}. */
    public static String params(Map<String, String> params) {
        if (params == null || params.isEmpty()) {
            return "";
        }
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + (isSensitive(e.getKey()) ? MASK : e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /**
     * An excerpt of an answer or request body, safe to log: at most {@code maxChars} characters (before masking),
     * sensitive fields, JWTs and the {@code knownSecrets} masked, line breaks and control characters escaped.
     */
    public static String body(String body, int maxChars, Collection<String> knownSecrets) {
        if (body == null) {
            return "";
        }
        boolean cut = body.length() > maxChars;
        String text = cut ? body.substring(0, maxChars) : body;
        text = maskKnown(text, knownSecrets);
        text = maskJsonFields(text);
        text = maskFormFields(text);
        text = JWT.matcher(text).replaceAll(MASK);
        text = escapeControls(text);
        return cut ? text + "…(" + body.length() + " chars)" : text;
    }

    /** Masks every occurrence of each known secret (values shorter than 4 characters are left alone). */
    public static String maskKnown(String text, Collection<String> knownSecrets) {
        if (text == null || knownSecrets == null) {
            return text;
        }
        String out = text;
        for (String secret : knownSecrets) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    private static String maskJsonFields(String text) {
        Matcher m = JSON_FIELD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String replacement = isSensitive(m.group(1))
                    ? "\"" + m.group(1) + "\"" + m.group(2) + (m.group(3).startsWith("\"") ? "\"" + MASK + "\"" : MASK)
                    : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String maskFormFields(String text) {
        Matcher m = FORM_FIELD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String name = m.group(2);
            String replacement = isSensitive(decodePlus(name)) ? m.group(1) + name + "=" + MASK : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decodePlus(String name) {
        return name.replace('+', ' ').replace("%5F", "_").replace("%5f", "_");
    }

    private static String escapeControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
