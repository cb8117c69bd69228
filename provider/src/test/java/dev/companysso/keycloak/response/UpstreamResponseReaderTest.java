package dev.companysso.keycloak.response;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.companysso.keycloak.error.UpstreamCall;
import dev.companysso.keycloak.error.UpstreamException;
import dev.companysso.keycloak.error.UpstreamFailure;
import dev.companysso.keycloak.path.JsonPath;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UpstreamResponseReaderTest {

    /** Stands for a token or personal data: it must never reach a detail or exception message. */
    private static final String SECRET = "s3cr3t-T0KEN";

    private static final Envelope CODE_ZERO = new Envelope(JsonPath.compile("$.code"), "0", JsonPath.compile("$.data"), null);

    private static ObjectNode read(int status, String contentType, String body) {
        return read(status, contentType, body, ResponseFormat.AUTO, Envelope.NONE);
    }

    private static ObjectNode read(int status, String contentType, String body, ResponseFormat format, Envelope envelope) {
        return UpstreamResponseReader.read(UpstreamCall.TOKEN, new UpstreamAnswer(status, contentType, body), format, envelope);
    }

    private static UpstreamException failure(int status, String contentType, String body) {
        return failure(status, contentType, body, ResponseFormat.AUTO, Envelope.NONE);
    }

    private static UpstreamException failure(int status, String contentType, String body, ResponseFormat format, Envelope envelope) {
        UpstreamException failure = catchThrowableOfType(UpstreamException.class, () -> read(status, contentType, body, format, envelope));
        assertThat(failure).as("expected an UpstreamException").isNotNull();
        assertThat(failure.getMessage()).doesNotContain(SECRET);
        assertThat(failure.detail()).doesNotContain(SECRET);
        return failure;
    }

    private static String jwt(String claimsJson) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Nested
    class Json {

        @ParameterizedTest
        @ValueSource(strings = {"application/json", "application/json;charset=UTF-8", "text/plain", "text/html; charset=utf-8", ""})
        void isReadWhateverTheContentTypeSays(String contentType) {
            ObjectNode payload = read(200, contentType, "{\"access_token\":\"" + SECRET + "\",\"expires_in\":3600}");

            assertThat(payload.get("access_token").textValue()).isEqualTo(SECRET);
            assertThat(payload.get("expires_in").intValue()).isEqualTo(3600);
        }

        @Test
        void isReadWithoutContentTypeAndAroundWhitespace() {
            assertThat(read(200, null, "\n  {\"id\": 1}\r\n").get("id").intValue()).isEqualTo(1);
        }

        @Test
        void isReadAfterAByteOrderMark() {
            assertThat(read(200, "application/json", "\uFEFF{\"id\": 1}").get("id").intValue()).isEqualTo(1);
        }

        @Test
        void keepsNestedUnicodeIntact() {
            ObjectNode payload = read(200, "text/plain", "{\"data\":{\"名字\":\"张三\",\"emoji\":\"😀\",\"escaped\":\"\\u00e9\"}}");

            assertThat(payload.at("/data/名字").textValue()).isEqualTo("张三");
            assertThat(payload.at("/data/emoji").textValue()).isEqualTo("😀");
            assertThat(payload.at("/data/escaped").textValue()).isEqualTo("é");
        }

        @Test
        void invalidJsonIsMalformedWithItsLocationOnly() {
            UpstreamException failure = failure(200, "application/json", "{\"access_token\": \"" + SECRET + "\",\n \"x\": }");

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.MALFORMED);
            assertThat(failure.detail()).isEqualTo("token request answered invalid JSON at line 2 column 7");
        }

        @Test
        void truncatedJsonIsMalformed() {
            assertThat(failure(200, "application/json", "{\"a\": [1, 2").failure()).isEqualTo(UpstreamFailure.MALFORMED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"[{\"id\": 1}]", "[]"})
        void anArrayIsNotAnObject(String body) {
            UpstreamException failure = failure(200, "application/json", body);

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.MALFORMED);
            assertThat(failure.detail()).isEqualTo("token request answer is not a JSON object");
        }

        @Test
        void forcedJsonDoesNotSniff() {
            UpstreamException failure = failure(200, "application/x-www-form-urlencoded", "access_token=" + SECRET,
                    ResponseFormat.JSON, Envelope.NONE);

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.MALFORMED);
            assertThat(failure.detail()).startsWith("token request answered invalid JSON");
        }

        @Test
        void absurdNestingIsMalformedNotAStackOverflow() {
            String deep = "{\"a\":".repeat(300) + "1" + "}".repeat(300);

            UpstreamException failure = failure(200, "application/json", deep);

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.MALFORMED);
            assertThat(failure.detail()).isEqualTo("token request answered JSON beyond the parser's limits");
        }

        @Test
        void normalNestingIsFine() {
            String deep = "{\"a\":".repeat(150) + "1" + "}".repeat(150);

            assertThat(read(200, "application/json", deep)).isNotNull();
        }

        @Test
        void sharedMapperIsTheOneUsed() {
            assertThat(UpstreamResponseReader.mapper().getFactory().streamReadConstraints().getMaxNestingDepth()).isEqualTo(200);
        }
    }

    @Nested
    class Form {

        @Test
        void tokenAnswerWithFormContentType() {
            ObjectNode payload = read(200, "application/x-www-form-urlencoded", "access_token=abc&expires_in=3600");

            assertThat(payload.get("access_token").textValue()).isEqualTo("abc");
            assertThat(payload.get("expires_in").textValue()).isEqualTo("3600");
        }

        @Test
        void tokenAnswerSniffedDespiteTextPlain() {
            assertThat(read(200, "text/plain", "access_token=abc&expires_in=3600\n").get("access_token").textValue()).isEqualTo("abc");
        }

        @Test
        void decodesUtf8PercentEncodingAndPlus() {
            ObjectNode payload = read(200, "text/plain", "name=%E5%BC%A0%E4%B8%89&note=a+b%26c&empty=");

            assertThat(payload.get("name").textValue()).isEqualTo("张三");
            assertThat(payload.get("note").textValue()).isEqualTo("a b&c");
            assertThat(payload.get("empty").textValue()).isEmpty();
        }

        @Test
        void repeatedKeysKeepTheLastValue() {
            assertThat(read(200, null, "scope=a&scope=b").get("scope").textValue()).isEqualTo("b");
        }

        @Test
        void formContentTypeAcceptsLooseFields() {
            ObjectNode payload = read(200, "application/x-www-form-urlencoded; charset=utf-8", "flag&&a=1&");

            assertThat(payload.get("flag").textValue()).isEmpty();
            assertThat(payload.get("a").textValue()).isEqualTo("1");
        }

        @Test
        void malformedPercentEncodingIsMalformed() {
            UpstreamException failure = failure(200, "application/x-www-form-urlencoded", "access_token=" + SECRET + "%G1");

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.MALFORMED);
            assertThat(failure.detail()).isEqualTo("token request answered malformed form encoding");
        }

        @Test
        void percentEncodedBytesThatAreNotUtf8AreAnEncodingError() {
            assertThat(failure(200, "application/x-www-form-urlencoded", "name=%FF%FE").failure())
                    .isEqualTo(UpstreamFailure.INVALID_ENCODING);
        }

        @Test
        void fieldWithoutNameIsMalformed() {
            assertThat(failure(200, "application/x-www-form-urlencoded", "=abc").failure()).isEqualTo(UpstreamFailure.MALFORMED);
        }

        @Test
        void oauthErrorInAFormIsARefusal() {
            UpstreamException failure = failure(200, "text/plain", "error=invalid_grant&error_description=Code+expired");

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.REFUSED);
            assertThat(failure.upstreamMessage()).contains("Code expired");
        }

        @Test
        void forcedFormParsesWithoutSniffing() {
            assertThat(read(200, "application/json", "token", ResponseFormat.FORM, Envelope.NONE).get("token").textValue()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"plain words", "a=b c", "=v", "a=1&&b=2", "key", "a=1&"})
        void textThatDoesNotLookLikeAFormIsNotSniffedAsOne(String body) {
            UpstreamException failure = failure(200, "text/plain", body);

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.MALFORMED);
            assertThat(failure.detail()).isEqualTo("token request answered neither JSON, form nor JWT (content type text/plain)");
        }
    }

    @Nested
    class Jwt {

        @Test
        void payloadIsSniffed() {
            ObjectNode claims = read(200, "application/jwt", jwt("{\"sub\":\"10001\",\"name\":\"张三\"}"));

            assertThat(claims.get("sub").textValue()).isEqualTo("10001");
            assertThat(claims.get("name").textValue()).isEqualTo("张三");
        }

        @Test
        void forcedJwtFormat() {
            assertThat(read(200, "text/plain", jwt("{\"sub\":\"x\"}") + "\n", ResponseFormat.JWT, Envelope.NONE).get("sub").textValue())
                    .isEqualTo("x");
        }

        @Test
        void envelopeAppliesToClaims() {
            ObjectNode payload = read(200, null, jwt("{\"code\":0,\"data\":{\"id\":7}}"), ResponseFormat.AUTO, CODE_ZERO);

            assertThat(payload.get("id").intValue()).isEqualTo(7);
        }

        @Test
        void forcedJwtRejectsOtherBodies() {
            UpstreamException failure = failure(200, "application/json", "{\"sub\":\"x\"}", ResponseFormat.JWT, Envelope.NONE);

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.MALFORMED);
            assertThat(failure.detail()).isEqualTo("token request answered an unreadable JWT: not a compact JWT");
        }

        @Test
        void undecodablePayloadsAreMalformed() {
            String header = jwt("{}").substring(0, jwt("{}").indexOf('.'));
            String notJson = Base64.getUrlEncoder().withoutPadding().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
            String notUtf8 = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {'{', (byte) 0xC3, '}'});

            assertThat(failure(200, null, header + "." + notJson + ".sig").detail()).endsWith("JWT payload is not valid JSON");
            assertThat(failure(200, null, header + ".a.sig").detail()).endsWith("JWT payload is not valid base64url");
            assertThat(failure(200, null, header + "." + notUtf8 + ".sig").detail()).endsWith("JWT payload is not valid UTF-8");
            assertThat(failure(200, null, jwt("[1]")).detail()).endsWith("JWT payload is not a JSON object");
        }

        @Test
        void recognisesCompactJwts() {
            assertThat(UpstreamResponseReader.looksLikeJwt(jwt("{}"))).isTrue();
            assertThat(UpstreamResponseReader.looksLikeJwt("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")).isTrue();
            assertThat(UpstreamResponseReader.looksLikeJwt(null)).isFalse();
            assertThat(UpstreamResponseReader.looksLikeJwt("abc.def.ghi")).isFalse();
            assertThat(UpstreamResponseReader.looksLikeJwt("eyJa.b")).isFalse();
            assertThat(UpstreamResponseReader.looksLikeJwt("eyJa..c")).isFalse();
            assertThat(UpstreamResponseReader.looksLikeJwt("eyJa.b.c.d.e")).isFalse();
            assertThat(UpstreamResponseReader.looksLikeJwt("eyJa.b+/.c")).isFalse();
        }

        @Test
        void decodesClaimsWithoutCheckingTheSignature() {
            assertThat(UpstreamResponseReader.decodeJwtClaims(jwt("{\"sub\":\"10001\"}")).get("sub").textValue()).isEqualTo("10001");
        }

        @Test
        void decodingRejectsNonJwtsWithoutEchoingThem() {
            IllegalArgumentException error = catchThrowableOfType(IllegalArgumentException.class,
                    () -> UpstreamResponseReader.decodeJwtClaims(SECRET));

            assertThat(error).hasMessage("not a compact JWT");
        }
    }

    @Nested
    class Envelopes {

        private final Envelope wechat = new Envelope(JsonPath.compile("$.errcode"), "0", null,
                JsonPath.compile("$.errmsg"), true);

        @Test
        void aMarkerThatOnlyErrorsCarryCanMeanSuccessWhenMissing() {
            assertThat(read(200, "text/plain", "{\"access_token\":\"x\",\"openid\":\"o-1\"}", ResponseFormat.AUTO, wechat)
                    .get("openid").asText()).isEqualTo("o-1");
            assertThat(read(200, "text/plain", "{\"errcode\":0,\"access_token\":\"x\"}", ResponseFormat.AUTO, wechat)
                    .get("access_token").asText()).isEqualTo("x");

            UpstreamException refused = failure(200, "text/plain", "{\"errcode\":40029,\"errmsg\":\"invalid code\"}",
                    ResponseFormat.AUTO, wechat);
            assertThat(refused.failure()).isEqualTo(UpstreamFailure.REFUSED);
            assertThat(refused.upstreamMessage()).hasValue("invalid code");
        }

        @Test
        void withoutTheOptionAMissingMarkerIsARefusal() {
            Envelope strict = new Envelope(JsonPath.compile("$.errcode"), "0", null, null);
            assertThat(failure(200, "application/json", "{\"access_token\":\"x\"}", ResponseFormat.AUTO, strict).failure())
                    .isEqualTo(UpstreamFailure.REFUSED);
        }

        @Test
        void numericSuccessCodeUnwrapsThePayload() {
            ObjectNode payload = read(200, "text/plain", "{\"code\":0,\"msg\":\"ok\",\"data\":{\"id\":10001}}", ResponseFormat.AUTO, CODE_ZERO);

            assertThat(payload.get("id").intValue()).isEqualTo(10001);
        }

        @Test
        void stringSuccessCodeMatchesTheSameConfiguredValue() {
            ObjectNode payload = read(200, "text/plain", "{\"code\":\"0\",\"msg\":\"ok\",\"data\":{\"id\":1}}", ResponseFormat.AUTO, CODE_ZERO);

            assertThat(payload.get("id").intValue()).isEqualTo(1);
        }

        @Test
        void otherCodeIsARefusalCarryingTheSsoMessage() {
            UpstreamException failure = failure(200, "application/json",
                    "{\"code\":40001,\"msg\":\"授权码已过期 " + "\",\"data\":{\"token\":\"" + SECRET + "\"}}", ResponseFormat.AUTO, CODE_ZERO);

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.REFUSED);
            assertThat(failure.detail()).isEqualTo("token request was refused: $.code is not '0'");
            assertThat(failure.upstreamMessage()).contains("授权码已过期");
        }

        @Test
        void configuredErrorMessagePathWins() {
            Envelope envelope = new Envelope(JsonPath.compile("result.code"), "0", JsonPath.compile("result.data"),
                    JsonPath.compile("result.message.zh"));

            UpstreamException failure = failure(200, null,
                    "{\"msg\":\"generic\",\"result\":{\"code\":7,\"message\":{\"zh\":\"账号已停用\"}}}", ResponseFormat.AUTO, envelope);

            assertThat(failure.upstreamMessage()).contains("账号已停用");
        }

        @Test
        void missingConfiguredMessageFallsBackToTheUsualFields() {
            Envelope envelope = new Envelope(JsonPath.compile("$.code"), "0", null, JsonPath.compile("$.nope"));

            assertThat(failure(200, null, "{\"code\":1,\"message\":\"try later\"}", ResponseFormat.AUTO, envelope).upstreamMessage())
                    .contains("try later");
            assertThat(failure(200, null, "{\"code\":1}", ResponseFormat.AUTO, envelope).upstreamMessage()).isEmpty();
        }

        @Test
        void statusOkRuleIsCaseSensitive() {
            Envelope envelope = new Envelope(JsonPath.compile("$.status"), "ok", JsonPath.compile("$.user"), null);

            assertThat(read(200, null, "{\"status\":\"ok\",\"user\":{\"id\":\"u1\"}}", ResponseFormat.AUTO, envelope).get("id").textValue())
                    .isEqualTo("u1");
            assertThat(failure(200, null, "{\"status\":\"OK\",\"user\":{}}", ResponseFormat.AUTO, envelope).failure())
                    .isEqualTo(UpstreamFailure.REFUSED);
        }

        @Test
        void booleanSuccessRule() {
            Envelope envelope = new Envelope(JsonPath.compile("$.success"), "true", null, null);

            assertThat(read(200, null, "{\"success\":true,\"id\":1}", ResponseFormat.AUTO, envelope).get("id").intValue()).isEqualTo(1);
            assertThat(failure(200, null, "{\"success\":false,\"message\":\"no\"}", ResponseFormat.AUTO, envelope).upstreamMessage())
                    .contains("no");
        }

        @Test
        void missingSuccessMarkerIsARefusal() {
            UpstreamException failure = failure(200, null, "{\"data\":{\"id\":1}}", ResponseFormat.AUTO, CODE_ZERO);

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.REFUSED);
            assertThat(failure.upstreamMessage()).isEmpty();
        }

        @Test
        void successRuleDecidesEvenWhenAnErrorFieldIsPresent() {
            ObjectNode payload = read(200, null, "{\"code\":0,\"error\":\"none\",\"data\":{\"id\":1}}", ResponseFormat.AUTO, CODE_ZERO);

            assertThat(payload.get("id").intValue()).isEqualTo(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"code\":0}", "{\"code\":0,\"data\":null}", "{\"code\":0,\"data\":[{\"id\":1}]}",
                "{\"code\":0,\"data\":\"" + SECRET + "\"}"})
        void payloadThatIsNotAnObjectIsMalformed(String body) {
            UpstreamException failure = failure(200, "application/json", body, ResponseFormat.AUTO, CODE_ZERO);

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.MALFORMED);
            assertThat(failure.detail()).isEqualTo("token request answer has no JSON object at $.data");
        }

        @Test
        void payloadPathWithoutSuccessRule() {
            Envelope envelope = new Envelope(null, null, JsonPath.compile("data.user"), null);

            assertThat(read(200, null, "{\"data\":{\"user\":{\"id\":3}}}", ResponseFormat.AUTO, envelope).get("id").intValue()).isEqualTo(3);
        }

        @Test
        void nullEnvelopeMeansNone() {
            assertThat(read(200, null, "{\"id\":1}", null, null).get("id").intValue()).isEqualTo(1);
        }

        @Test
        void successPathNeedsASuccessValue() {
            IllegalArgumentException error = catchThrowableOfType(IllegalArgumentException.class,
                    () -> new Envelope(JsonPath.compile("$.code"), null, null, null));

            assertThat(error).hasMessage("a success value is required with the success path $.code");
        }
    }

    @Nested
    class OAuthErrors {

        @Test
        void errorFieldInA200BodyIsARefusal() {
            UpstreamException failure = failure(200, "application/json",
                    "{\"error\":\"invalid_grant\",\"error_description\":\"Authorization code expired\"}");

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.REFUSED);
            assertThat(failure.detail()).isEqualTo("token request answered an OAuth error");
            assertThat(failure.upstreamMessage()).contains("Authorization code expired");
        }

        @Test
        void errorCodeIsTheMessageWhenThereIsNoDescription() {
            assertThat(failure(200, null, "{\"error\":\"access_denied\"}").upstreamMessage()).contains("access_denied");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"error\":\"\",\"id\":1}", "{\"error\":null,\"id\":1}", "{\"error\":0,\"id\":1}",
                "{\"error\":false,\"id\":1}", "{\"error\":\"  \",\"id\":1}"})
        void emptyOrNonTextErrorFieldsAreNotErrors(String body) {
            assertThat(read(200, null, body).get("id").intValue()).isEqualTo(1);
        }
    }

    @Nested
    class Statuses {

        @Test
        void serverErrorWithoutBodyIsAnHttpError() {
            UpstreamException failure = failure(503, null, "");

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.HTTP_ERROR);
            assertThat(failure.detail()).isEqualTo("token request answered HTTP 503");
            assertThat(failure.getMessage()).isEqualTo("HTTP_ERROR: token request answered HTTP 503");
            assertThat(failure.upstreamMessage()).isEmpty();
        }

        @Test
        void serverErrorWithAJsonMessageIsARefusal() {
            UpstreamException failure = failure(500, "application/json", "{\"code\":500,\"msg\":\"系统繁忙\"}");

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.REFUSED);
            assertThat(failure.detail()).isEqualTo("token request was refused with HTTP 500");
            assertThat(failure.upstreamMessage()).contains("系统繁忙");
        }

        @Test
        void badRequestWithOAuthError() {
            UpstreamException failure = failure(400, "application/json",
                    "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.REFUSED);
            assertThat(failure.upstreamMessage()).contains("Client authentication failed");
        }

        @Test
        void errorStatusUsesTheConfiguredMessagePath() {
            Envelope envelope = new Envelope(null, null, null, JsonPath.compile("$.result.reason"));

            assertThat(failure(401, null, "{\"result\":{\"reason\":\"签名错误\"}}", ResponseFormat.AUTO, envelope).upstreamMessage())
                    .contains("签名错误");
        }

        @ParameterizedTest
        @ValueSource(strings = {"<html><body>Bad Gateway</body></html>", "{\"access_token\":\"" + SECRET + "\"", "{\"code\":1}",
                "[\"error\"]", "error=invalid_grant"})
        void errorStatusWithoutAJsonMessageIsAnHttpError(String body) {
            UpstreamException failure = failure(502, "text/html", body);

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.HTTP_ERROR);
            assertThat(failure.detail()).isEqualTo("token request answered HTTP 502");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 100, 199, 204, 299})
        void onlyTwoHundredsAreSuccess(int status) {
            boolean success = status >= 200 && status <= 299;

            assertThat(new UpstreamAnswer(status, null, null).isSuccess()).isEqualTo(success);
        }

        @Test
        void redirectIsAnHttpError() {
            assertThat(failure(302, "text/html", null).detail()).isEqualTo("token request answered HTTP 302");
        }

        @Test
        void callLabelNamesTheCall() {
            UpstreamException failure = catchThrowableOfType(UpstreamException.class, () -> UpstreamResponseReader.read(
                    UpstreamCall.USERINFO, new UpstreamAnswer(404, null, null), ResponseFormat.AUTO, Envelope.NONE));

            assertThat(failure.detail()).isEqualTo("user info request answered HTTP 404");
        }
    }

    @Nested
    class UnusableBodies {

        @ParameterizedTest
        @ValueSource(strings = {"text/html", "text/html; charset=UTF-8"})
        void htmlPageWithStatus200(String contentType) {
            UpstreamException failure = failure(200, contentType, "<!DOCTYPE html><html><body>Login " + SECRET + "</body></html>");

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.HTML_PAGE);
            assertThat(failure.detail()).isEqualTo("token request answered a web page instead of data (content type text/html)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"application/xml", "text/xml; charset=UTF-8", "application/soap+xml"})
        void xmlDataIsUnreadableNotAWebPage(String contentType) {
            UpstreamException failure = failure(200, contentType, "<result><access_token>" + SECRET + "</access_token></result>");

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.MALFORMED);
            assertThat(failure.detail()).startsWith("token request answered an XML document instead of JSON (content type ");
        }

        @Test
        void anXmlPrologMakesXmlWhateverTheLabelButXhtmlIsAPage() {
            assertThat(failure(200, "text/plain", "<?xml version=\"1.0\"?><r/>").failure()).isEqualTo(UpstreamFailure.MALFORMED);
            assertThat(failure(200, "application/xhtml+xml", "<?xml version=\"1.0\"?><html><body>Down</body></html>").failure())
                    .isEqualTo(UpstreamFailure.HTML_PAGE);
            assertThat(failure(200, "application/xml", "<!DOCTYPE html><html><body>Down</body></html>").failure())
                    .isEqualTo(UpstreamFailure.HTML_PAGE);
        }

        @ParameterizedTest
        @EnumSource(ResponseFormat.class)
        void htmlIsAWebPageWhateverTheFormat(ResponseFormat format) {
            assertThat(failure(200, "application/json", "\n<html/>", format, Envelope.NONE).failure()).isEqualTo(UpstreamFailure.HTML_PAGE);
        }

        @Test
        void oddContentTypesAreNotEchoed() {
            assertThat(failure(200, "text/html\r\nX-Injected: " + SECRET, "<p>").detail())
                    .endsWith("(an unrecognised content type)");
            assertThat(failure(200, null, "<p>").detail()).endsWith("(no content type)");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\r\n\t"})
        void emptyBody(String body) {
            UpstreamException failure = failure(200, "application/json", body);

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.EMPTY_BODY);
            assertThat(failure.detail()).isEqualTo("token request answered an empty body");
        }

        @Test
        void replacementCharacterMeansInvalidUtf8() {
            UpstreamException failure = failure(200, "application/json", "{\"name\":\"\uFFFD\uFFFD\"}");

            assertThat(failure.failure()).isEqualTo(UpstreamFailure.INVALID_ENCODING);
            assertThat(failure.detail()).isEqualTo("token request answer is not valid UTF-8");
        }

        @Test
        void invalidUtf8IsReportedBeforeTheStatus() {
            assertThat(failure(500, null, "\uFFFD").failure()).isEqualTo(UpstreamFailure.INVALID_ENCODING);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"just a string\"", "42", "true", "null", "OK"})
        void scalarsAreNeitherJsonObjectsNorForms(String body) {
            assertThat(failure(200, "application/json", body).failure()).isEqualTo(UpstreamFailure.MALFORMED);
        }
    }
}
