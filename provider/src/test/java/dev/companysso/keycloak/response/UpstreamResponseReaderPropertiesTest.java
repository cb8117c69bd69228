package dev.companysso.keycloak.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.companysso.keycloak.error.UpstreamCall;
import dev.companysso.keycloak.error.UpstreamException;
import dev.companysso.keycloak.fuzz.RandomInputs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static dev.companysso.keycloak.fuzz.RandomInputs.forAll;
import static org.assertj.core.api.Assertions.assertThat;

/** Randomized properties of {@link UpstreamResponseReader}; see {@link RandomInputs} for seed and iteration count. */
class UpstreamResponseReaderPropertiesTest {

    /** Planted in generated bodies: whatever fails, it must not leak into a detail or exception message. */
    private static final String SECRET = "SECRET-7f3a";

    record Call(UpstreamCall call, UpstreamAnswer answer, ResponseFormat format, Envelope envelope) {
    }

    record Answer(ObjectNode object, String contentType) {
    }

    @Test
    void returnsAnObjectOrThrowsUpstreamExceptionOnly() {
        forAll("returnsOrThrows", random -> new Call(random.pick(UpstreamCall.values()), answer(random),
                random.pick(ResponseFormat.values()), random.envelope()), input -> {
            try {
                ObjectNode payload = UpstreamResponseReader.read(input.call(), input.answer(), input.format(), input.envelope());
                assertThat(payload).isNotNull();
            } catch (UpstreamException failure) {
                assertThat(failure.failure()).isNotNull();
                assertThat(failure.detail()).startsWith(input.call().label()).doesNotContain(SECRET);
                assertThat(failure.getMessage()).doesNotContain(SECRET);
                failure.upstreamMessage().ifPresent(message ->
                        assertThat(message.codePointCount(0, message.length())).isBetween(1, 200));
            }
        });
    }

    @Test
    void readsBackAnyObjectItWasGiven() {
        forAll("readsBack", random -> new Answer(random.object(), random.jsonContentType()), input -> {
            ObjectNode object = input.object().deepCopy();
            object.remove("error");
            String body = UpstreamResponseReader.mapper().writeValueAsString(object);
            if (body.indexOf('\uFFFD') >= 0) {
                return;
            }

            assertThat(UpstreamResponseReader.read(UpstreamCall.USERINFO, new UpstreamAnswer(200, input.contentType(), body),
                    ResponseFormat.AUTO, Envelope.NONE)).isEqualTo(UpstreamResponseReader.mapper().readTree(body));
        });
    }

    private static UpstreamAnswer answer(RandomInputs random) {
        return new UpstreamAnswer(random.status(), random.contentType(), random.orNull(0.05, () -> body(random)));
    }

    /** Plain text, JSON (whole, enveloped or cut short), forms, JWTs, web pages and known troublemakers; most hold the secret. */
    private static String body(RandomInputs random) {
        return random.oneOf(
                () -> random.string(40),
                () -> plantedJson(random.object()),
                () -> "{\"code\":" + random.pick("0", "\"0\"", "1", "\"ok\"", "true", "null") + ",\"msg\":\"" + SECRET
                        + "\",\"data\":" + write(random.tree()) + "}",
                () -> {
                    String json = plantedJson(random.object());
                    return json.substring(0, random.between(0, json.length()));
                },
                () -> random.stringOf("ab=&%+FE0_é ", 20) + "&t=" + SECRET,
                () -> "eyJhbGciOiJub25lIn0." + base64(plantedJson(random.object())) + "." + base64(random.string(8)),
                () -> "<html>" + SECRET + random.string(20),
                () -> random.pick("", " ", "\uFFFD", "{}", "[]", "{\"error\":\"x\"}", "eyJ.eyJ.", "a=%", "\uFEFF{}"));
    }

    private static String plantedJson(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.put("access_token", SECRET);
        return write(copy);
    }

    private static String write(JsonNode node) {
        try {
            return UpstreamResponseReader.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
