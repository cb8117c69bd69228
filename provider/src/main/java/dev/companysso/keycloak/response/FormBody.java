package dev.companysso.keycloak.response;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.companysso.keycloak.error.UpstreamCall;
import dev.companysso.keycloak.error.UpstreamException;
import dev.companysso.keycloak.error.UpstreamFailure;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Form-encoded answers ({@code access_token=abc&expires_in=3600}), as old OAuth servers send them. */
final class FormBody {

    private FormBody() {
    }

    /** {@code k=v(&k=v)*} with non-empty keys and no whitespace: safe to sniff as a form. */
    static boolean looksLikeForm(String text) {
        boolean inKey = true;
        int keyLength = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                return false;
            }
            if (c == '&') {
                if (inKey) {
                    return false;
                }
                inKey = true;
                keyLength = 0;
            } else if (inKey && c == '=') {
                if (keyLength == 0) {
                    return false;
                }
                inKey = false;
            } else if (inKey) {
                keyLength++;
            }
        }
        return !inKey;
    }

    /** Each field becomes a string member; a repeated key keeps its last value. */
    static ObjectNode parse(UpstreamCall call, String text) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('&', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                int equals = text.indexOf('=', start);
                boolean hasValue = equals >= 0 && equals < end;
                String key = decode(call, text.substring(start, hasValue ? equals : end));
                if (key.isEmpty()) {
                    throw new UpstreamException(UpstreamFailure.MALFORMED, call.label() + " answered a form field without a name");
                }
                fields.put(key, hasValue ? decode(call, text.substring(equals + 1, end)) : "");
            }
            start = end + 1;
        }
        return fields;
    }

    private static String decode(UpstreamCall call, String encoded) {
        String decoded;
        try {
            decoded = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badPercentEncoding) {
            throw new UpstreamException(UpstreamFailure.MALFORMED, call.label() + " answered malformed form encoding");
        }
        // URLDecoder silently replaces percent-encoded bytes that are not UTF-8.
        if (decoded.indexOf('\uFFFD') >= 0) {
            throw new UpstreamException(UpstreamFailure.INVALID_ENCODING, call.label() + " answered form fields that are not valid UTF-8");
        }
        return decoded;
    }
}
