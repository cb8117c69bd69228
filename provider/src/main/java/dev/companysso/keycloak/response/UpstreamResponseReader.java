package dev.companysso.keycloak.response;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.companysso.keycloak.error.UpstreamCall;
import dev.companysso.keycloak.error.UpstreamException;
import dev.companysso.keycloak.error.UpstreamFailure;

/**
 * Turns whatever the company SSO answered into the payload object, or into an {@link UpstreamException}
 * saying precisely what went wrong. Home-grown SSOs mislabel content types, wrap answers in envelopes
 * and report errors with status 200, so the body decides, not the headers.
 */
public final class UpstreamResponseReader {

    /** Deep enough for any real answer, shallow enough that a hostile one cannot exhaust the stack. */
    private static final int MAX_NESTING_DEPTH = 200;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .build())
            .build();

    private UpstreamResponseReader() {
    }

    /** The mapper every part of the extension parses upstream JSON with. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @param format   null means AUTO
     * @param envelope null means {@link Envelope#NONE}
     * @return the payload object
     * @throws UpstreamException for every kind of unusable answer
     */
    public static ObjectNode read(UpstreamCall call, UpstreamAnswer answer, ResponseFormat format, Envelope envelope) {
        Envelope rules = envelope == null ? Envelope.NONE : envelope;
        String body = answer.body() == null ? "" : answer.body();
        // The HTTP layer decodes with replacement, so U+FFFD is how invalid UTF-8 shows up here.
        if (body.indexOf('\uFFFD') >= 0) {
            throw new UpstreamException(UpstreamFailure.INVALID_ENCODING, call.label() + " answer is not valid UTF-8");
        }
        String text = withoutByteOrderMark(body.strip());
        if (!answer.isSuccess()) {
            throw statusFailure(call, answer.status(), text, rules);
        }
        if (text.isEmpty()) {
            throw new UpstreamException(UpstreamFailure.EMPTY_BODY, call.label() + " answered an empty body");
        }
        if (text.charAt(0) == '<' && isXmlDocument(text, answer.contentType())) {
            throw new UpstreamException(UpstreamFailure.MALFORMED, call.label() + " answered an XML document instead of JSON ("
                    + ContentTypes.describe(answer.contentType()) + ")");
        }
        if (text.charAt(0) == '<') {
            throw new UpstreamException(UpstreamFailure.HTML_PAGE, call.label() + " answered a web page instead of data ("
                    + ContentTypes.describe(answer.contentType()) + ")");
        }
        ObjectNode parsed = switch (format == null ? ResponseFormat.AUTO : format) {
            case AUTO -> parseSniffed(call, text, answer.contentType());
            case JSON -> parseJson(call, text);
            case FORM -> FormBody.parse(call, text);
            case JWT -> parseJwt(call, text);
        };
        return EnvelopeUnwrapper.unwrap(call, parsed, rules);
    }

    /**
     * The claims of a compact JWT, signature NOT checked.
     *
     * @throws IllegalArgumentException whose message names the problem, never the token's content
     */
    public static ObjectNode decodeJwtClaims(String compactJwt) {
        return CompactJwt.decodeClaims(compactJwt);
    }

    /** Three base64url segments separated by dots, with a JWT-like header. */
    public static boolean looksLikeJwt(String text) {
        return CompactJwt.looksLikeJwt(text);
    }

    private static ObjectNode parseSniffed(UpstreamCall call, String text, String contentType) {
        char first = text.charAt(0);
        // '[' is parsed too, only to report "not a JSON object" rather than an unknown format.
        if (first == '{' || first == '[') {
            return parseJson(call, text);
        }
        if (ContentTypes.isForm(contentType) || FormBody.looksLikeForm(text)) {
            return FormBody.parse(call, text);
        }
        if (CompactJwt.looksLikeJwt(text)) {
            return parseJwt(call, text);
        }
        throw new UpstreamException(UpstreamFailure.MALFORMED, call.label() + " answered neither JSON, form nor JWT ("
                + ContentTypes.describe(contentType) + ")");
    }

    private static ObjectNode parseJson(UpstreamCall call, String text) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (StreamConstraintsException tooDeepOrLong) {
            throw new UpstreamException(UpstreamFailure.MALFORMED, call.label() + " answered JSON beyond the parser's limits");
        } catch (JsonProcessingException invalid) {
            // Only the location: Jackson's own message quotes the body.
            throw new UpstreamException(UpstreamFailure.MALFORMED, call.label() + " answered invalid JSON" + where(invalid.getLocation()));
        }
        if (tree instanceof ObjectNode object) {
            return object;
        }
        throw new UpstreamException(UpstreamFailure.MALFORMED, call.label() + " answer is not a JSON object");
    }

    private static ObjectNode parseJwt(UpstreamCall call, String text) {
        try {
            return CompactJwt.decodeClaims(text);
        } catch (IllegalArgumentException undecodable) {
            throw new UpstreamException(UpstreamFailure.MALFORMED, call.label() + " answered an unreadable JWT: " + undecodable.getMessage());
        }
    }

    /** A non-2xx answer is a refusal if the SSO explained itself in JSON, else a plain HTTP error. */
    private static UpstreamException statusFailure(UpstreamCall call, int status, String text, Envelope envelope) {
        if (text.startsWith("{")) {
            try {
                if (MAPPER.readTree(text) instanceof ObjectNode object) {
                    String message = EnvelopeUnwrapper.errorMessage(object, envelope);
                    if (message != null) {
                        return new UpstreamException(UpstreamFailure.REFUSED, call.label() + " was refused with HTTP " + status, message);
                    }
                }
            } catch (JsonProcessingException notJson) {
                // Not an explanation after all: report the status alone.
            }
        }
        return new UpstreamException(UpstreamFailure.HTTP_ERROR, call.label() + " answered HTTP " + status);
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + " column " + location.getColumnNr();
    }

    /** XML data (by content type or prolog), as opposed to a web page, which is HTML whatever its label. */
    private static boolean isXmlDocument(String text, String contentType) {
        String head = text.substring(0, Math.min(text.length(), 1024)).toLowerCase(java.util.Locale.ROOT);
        if (head.contains("<html") || head.contains("<!doctype html")) {
            return false;
        }
        return ContentTypes.isXml(contentType) || head.startsWith("<?xml");
    }

    /** Some Windows-based SSOs prefix their JSON with a UTF-8 byte order mark. */
    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1).strip() : text;
    }
}
