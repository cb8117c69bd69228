package dev.companysso.keycloak.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.companysso.keycloak.error.UpstreamCall;
import dev.companysso.keycloak.error.UpstreamException;
import dev.companysso.keycloak.error.UpstreamFailure;
import dev.companysso.keycloak.path.JsonPath;

import java.util.List;

/** Applies an {@link Envelope}: decides whether the SSO said yes, and finds the payload if it did. */
final class EnvelopeUnwrapper {

    /** Where SSOs without a configured message path usually put their human message, most specific first. */
    private static final List<String> STANDARD_MESSAGE_FIELDS = List.of("error_description", "error", "msg", "message");

    private EnvelopeUnwrapper() {
    }

    static ObjectNode unwrap(UpstreamCall call, ObjectNode answer, Envelope envelope) {
        if (envelope.successPath() != null) {
            JsonNode markerNode = envelope.successPath().selectFirst(answer).orElse(null);
            boolean missing = markerNode == null || markerNode.isNull();
            String marker = JsonPath.asText(markerNode);
            if (!envelope.successValue().equals(marker) && !(missing && envelope.successWhenMissing())) {
                throw new UpstreamException(UpstreamFailure.REFUSED, call.label() + " was refused: "
                        + envelope.successPath() + " is not '" + envelope.successValue() + "'", errorMessage(answer, envelope));
            }
        } else if (hasOAuthError(answer)) {
            // Standard OAuth errors are served with any status, 200 included.
            throw new UpstreamException(UpstreamFailure.REFUSED, call.label() + " answered an OAuth error",
                    errorMessage(answer, envelope));
        }
        JsonNode payload = envelope.payloadPath() == null ? answer : envelope.payloadPath().selectFirst(answer).orElse(null);
        if (payload instanceof ObjectNode object) {
            return object;
        }
        throw new UpstreamException(UpstreamFailure.MALFORMED, call.label() + " answer has no JSON object at " + envelope.payloadPath());
    }

    /** The SSO's human message: the configured path first, then the usual fields; null if none. */
    static String errorMessage(ObjectNode answer, Envelope envelope) {
        if (envelope.errorMessagePath() != null) {
            String configured = envelope.errorMessagePath().selectText(answer).orElse(null);
            if (configured != null && !configured.isBlank()) {
                return configured;
            }
        }
        for (String field : STANDARD_MESSAGE_FIELDS) {
            String message = JsonPath.asText(answer.get(field));
            if (message != null && !message.isBlank()) {
                return message;
            }
        }
        return null;
    }

    private static boolean hasOAuthError(ObjectNode answer) {
        JsonNode error = answer.get("error");
        return error != null && error.isTextual() && !error.textValue().isBlank();
    }
}
