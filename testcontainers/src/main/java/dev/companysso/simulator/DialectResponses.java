package dev.companysso.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON answers the way a dialect wants them: envelope, content type, or form encoding. */
final class DialectResponses {

    /** How the JSON document is put on the wire. */
    enum Wire { JSON, TEXT_PLAIN, TEXT_HTML, FORM }

    private DialectResponses() {
    }

    static Wire wireOf(Dialect.TokenResponseFormat f) {
        return switch (f) {
            case JSON -> Wire.JSON;
            case JSON_AS_TEXT_PLAIN -> Wire.TEXT_PLAIN;
            case JSON_AS_TEXT_HTML -> Wire.TEXT_HTML;
            case FORM -> Wire.FORM;
        };
    }

    /** JWT falls back to JSON (used for error answers and the profile call). */
    static Wire wireOf(Dialect.UserinfoFormat f) {
        return switch (f) {
            case JSON, JWT -> Wire.JSON;
            case JSON_AS_TEXT_PLAIN -> Wire.TEXT_PLAIN;
            case JSON_AS_TEXT_HTML -> Wire.TEXT_HTML;
        };
    }

    /** A success answer, wrapped in the envelope if there is one. */
    static void success(SimExchange ex, Envelope envelope, Wire wire, ObjectNode payload) throws IOException {
        write(ex, 200, wire, envelope == null ? payload : envelope.wrapSuccess(payload));
    }

    /**
     * An error answer: without envelope {@code status} + {@code {"error":..,"error_description":..}};
     * with an envelope HTTP 200 + the envelope's error form carrying {@code message}.
     */
    static void error(SimExchange ex, Envelope envelope, Wire wire, int status, String error, String message)
            throws IOException {
        if (envelope != null) {
            write(ex, 200, wire, envelope.wrapError(message));
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("error", error);
        if (message != null) {
            body.put("error_description", message);
        }
        write(ex, status, wire, body);
    }

    static void write(SimExchange ex, int status, Wire wire, ObjectNode body) throws IOException {
        ex.header("Cache-Control", "no-store").header("Pragma", "no-cache");
        switch (wire) {
            case JSON -> ex.json(status, body);
            case TEXT_PLAIN -> ex.send(status, "text/plain;charset=UTF-8", Json.write(body));
            case TEXT_HTML -> ex.send(status, "text/html;charset=UTF-8", Json.write(body));
            case FORM -> ex.send(status, "application/x-www-form-urlencoded;charset=UTF-8", formEncode(body));
            default -> throw new IllegalStateException(wire.toString());
        }
    }

    /** Top-level fields; nested values are written as JSON text, nulls are left out. */
    private static String formEncode(ObjectNode body) {
        Map<String, String> fields = new LinkedHashMap<>();
        body.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (!v.isNull()) {
                fields.put(e.getKey(), v.isValueNode() ? v.asText() : Json.write(v));
            }
        });
        return FormCodec.encode(fields);
    }
}
