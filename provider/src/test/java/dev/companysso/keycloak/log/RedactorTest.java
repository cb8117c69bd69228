package dev.companysso.keycloak.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void sensitiveNames() {
        assertThat(List.of("access_token", "refresh_token", "client_secret", "code", "code_verifier", "password",
                "app_secret", "Authorization", "X-Access-Token", "client_assertion", "id_token"))
                .allMatch(Redactor::isSensitive);
        assertThat(List.of("client_id", "grant_type", "redirect_uri", "scope", "uuid", "openid", "account", "state"))
                .noneMatch(Redactor::isSensitive);
    }

    @Test
    void maskesSensitiveQueryValuesAndKeepsTheRest() {
        assertThat(Redactor.url("https://sso/userinfo?access_token=S3cr3t&openid=o-1&uuid=CF7E"))
                .isEqualTo("https://sso/userinfo?access_token=***&openid=o-1&uuid=CF7E");
        assertThat(Redactor.url("https://sso/token")).isEqualTo("https://sso/token");
        assertThat(Redactor.url("https://sso/cb?code=abc&state=xyz")).isEqualTo("https://sso/cb?code=***&state=xyz");
    }

    @Test
    void masksParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("code", "THE-CODE");
        params.put("client_id", "aaa");
        params.put("client_secret", "THE-SECRET");
        assertThat(Redactor.params(params))
                .isEqualTo("grant_type=authorization_code&code=***&client_id=aaa&client_secret=***");
        assertThat(Redactor.params(Map.of())).isEmpty();
    }

    @Test
    void masksJsonFieldsAtAnyDepthStringsAndNumbers() {
        String body = "{\"code\":0,\"msg\":\"success\",\"data\":{\"access_token\":\"AT-123\",\"refresh_token\" : \"RT-\\\"9\","
                + "\"expires_in\":7200,\"account\":\"alice\"}}";
        String out = Redactor.body(body, 1000, List.of());
        assertThat(out).doesNotContain("AT-123", "RT-", "\\\"9")
                .contains("\"access_token\":\"***\"", "\"refresh_token\" : \"***\"", "\"code\":***",
                        "\"expires_in\":7200", "\"account\":\"alice\"", "\"msg\":\"success\"");
    }

    @Test
    void masksFormBodiesJwtsAndKnownSecretsAnywhere() {
        assertThat(Redactor.body("access_token=AT-1&expires_in=7200&openid=o-1", 100, List.of()))
                .isEqualTo("access_token=***&expires_in=7200&openid=o-1");
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMDAwMSJ9.c2lnbmF0dXJl";
        assertThat(Redactor.body("{\"profile\":\"" + jwt + "\"}", 200, List.of())).doesNotContain(jwt).contains("***");
        assertThat(Redactor.body("<p>your code ECHOED-CODE is invalid</p>", 200, List.of("ECHOED-CODE")))
                .isEqualTo("<p>your code *** is invalid</p>");
    }

    @Test
    void anExcerptCutInsideASecretStillMasksIt() {
        String body = "{\"account\":\"alice\",\"access_token\":\"" + "A".repeat(100) + "\"}";
        String out = Redactor.body(body, 50, List.of());
        assertThat(out).doesNotContain("AAAA").contains("\"access_token\":\"***\"").endsWith("chars)");
    }

    @Test
    void escapesLineBreaksAndControlCharacters() {
        assertThat(Redactor.body("a\nb\r\tc\u0000\u202Ed", 100, List.of())).isEqualTo("a\\nb\\r\\tc\\u0000\\u202ed");
        assertThat(Redactor.body(null, 10, null)).isEmpty();
    }
}
