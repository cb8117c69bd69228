package dev.companysso.keycloak.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads the claims of a compact JWT ({@code header.payload.signature}) without checking the signature:
 * whoever trusts the claims verifies the signature separately.
 */
final class CompactJwt {

    private CompactJwt() {
    }

    /**
     * Three base64url segments (the signature may be empty for unsigned tokens) whose header starts
     * with "ey", the encoding of "{" followed by a quote or space, as every JWT header does.
     */
    static boolean looksLikeJwt(String text) {
        if (text == null || !text.startsWith("ey")) {
            return false;
        }
        int dots = 0;
        int segmentLength = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (segmentLength == 0 || ++dots > 2) {
                    return false;
                }
                segmentLength = 0;
            } else if (isBase64Url(c)) {
                segmentLength++;
            } else {
                return false;
            }
        }
        return dots == 2;
    }

    /** @throws IllegalArgumentException whose message names the problem, never the token's content */
    static ObjectNode decodeClaims(String compactJwt) {
        if (!looksLikeJwt(compactJwt)) {
            throw new IllegalArgumentException("not a compact JWT");
        }
        int start = compactJwt.indexOf('.') + 1;
        String payload = compactJwt.substring(start, compactJwt.indexOf('.', start));
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(payload);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("JWT payload is not valid base64url");
        }
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new IllegalArgumentException("JWT payload is not valid UTF-8");
        }
        JsonNode claims;
        try {
            claims = UpstreamResponseReader.mapper().readTree(json);
        } catch (JsonProcessingException notJson) {
            throw new IllegalArgumentException("JWT payload is not valid JSON");
        }
        if (claims instanceof ObjectNode object) {
            return object;
        }
        throw new IllegalArgumentException("JWT payload is not a JSON object");
    }

    private static boolean isBase64Url(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
