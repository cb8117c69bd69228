package dev.companysso.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Writes the answers of a misbehaving SSO (see {@link Fault}). */
final class FaultyAnswers {

    private FaultyAnswers() {
    }

    /** Waits out a {@link Fault.Kind#DELAY}; the caller then answers normally. */
    static void delay(Fault fault) {
        try {
            Thread.sleep(fault.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers instead of the endpoint, for the faults that {@link Fault#replacesAnswer() replace the answer}. */
    static void write(SimExchange ex, Fault fault) throws IOException {
        switch (fault.kind()) {
            case HTTP_5XX -> ex.send(503, "text/plain;charset=UTF-8", "Service Unavailable");
            case HTML_ERROR_PAGE -> ex.html(200, "<!DOCTYPE html><html><head><title>Maintenance</title></head>"
                    + "<body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>");
            case MALFORMED_JSON -> ex.send(200, "application/json;charset=UTF-8", "{\"access_token\":\"abc\",\"id\":");
            case EMPTY_BODY -> ex.send(200, "application/json;charset=UTF-8", "");
            case WRONG_CONTENT_TYPE -> ex.send(200, "application/xml;charset=UTF-8",
                    "<?xml version=\"1.0\"?><result><access_token>abc</access_token></result>");
            case HUGE_BODY -> sendBytes(ex, 200, "application/json;charset=UTF-8", hugeJson());
            case INVALID_UTF8 -> sendBytes(ex, 200, "application/json;charset=UTF-8", invalidUtf8Json());
            case ERROR_ENVELOPE -> ex.json(200, Envelope.codeMsgData().wrapError("system busy"));
            default -> throw new IllegalArgumentException(fault + " does not replace the answer");
        }
    }

    /** The profile with its id removed, emptied or made an object, for the id faults. */
    static ObjectNode breakId(ObjectNode profile, Fault fault, Dialect.ProfileShape shape) {
        String idField = switch (shape) {
            case NESTED -> "id";
            case FLAT, FULL_NAME_ONLY -> "sub";
            case WECHAT -> "openid";
        };
        switch (fault.kind()) {
            case MISSING_ID -> profile.remove(idField);
            case EMPTY_ID -> profile.put(idField, "");
            case OBJECT_ID -> profile.putObject(idField).put("value", 10001).put("type", "employee");
            default -> throw new IllegalArgumentException(fault + " is not an id fault");
        }
        return profile;
    }

    /** {"pad":"xxxx…"} of exactly {@link Fault#HUGE_BODY_BYTES} bytes. */
    private static byte[] hugeJson() {
        byte[] bytes = new byte[Fault.HUGE_BODY_BYTES];
        Arrays.fill(bytes, (byte) 'x');
        byte[] head = "{\"pad\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[bytes.length - 2] = '"';
        bytes[bytes.length - 1] = '}';
        return bytes;
    }

    /** A JSON object whose string value contains bytes that are not UTF-8 (a lone 0xC3, 0xFF, 0xFE). */
    private static byte[] invalidUtf8Json() {
        byte[] head = "{\"access_token\":\"abc\",\"id\":10001,\"account\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(bad, 0, out, head.length, bad.length);
        System.arraycopy(tail, 0, out, head.length + bad.length, tail.length);
        return out;
    }

    private static void sendBytes(SimExchange ex, int status, String contentType, byte[] bytes) throws IOException {
        ex.markResponded();
        ex.http.getResponseHeaders().set("Content-Type", contentType);
        ex.http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.http.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientGaveUp) {
            // Keycloak stops reading at its size cap and closes the connection: expected for HUGE_BODY.
        }
    }
}
