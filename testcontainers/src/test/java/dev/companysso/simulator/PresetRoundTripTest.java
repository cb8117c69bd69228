package dev.companysso.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.companysso.simulator.DialectClient.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every preset (and two exotic custom dialects) is round-trip consistent for a client that follows its rules. */
class PresetRoundTripTest extends SimulatorTestBase {

    static Dialect dialectNamed(String name) {
        return switch (name) {
            case "exotic-form" -> Dialect.plain().with(b -> b.name(name)
                    .clientAuth(Dialect.ClientAuth.BASIC)
                    .tokenResponseFormat(Dialect.TokenResponseFormat.FORM)
                    .tokenFieldNames(TokenFieldNames.camelCase())
                    .userinfoMethod(Dialect.UserinfoMethod.POST)
                    .tokenLocation(Dialect.TokenLocation.FORM)
                    .profileShape(Dialect.ProfileShape.FULL_NAME_ONLY)
                    .userinfoFormat(Dialect.UserinfoFormat.JSON_AS_TEXT_HTML));
            case "exotic-header" -> Dialect.seed().with(b -> b.name(name)
                    .clientAuth(Dialect.ClientAuth.BASIC_UNENCODED)
                    .tokenRequestFormat(Dialect.TokenRequestFormat.JSON)
                    .tokenResponseFormat(Dialect.TokenResponseFormat.JSON_AS_TEXT_HTML)
                    .userinfoMethod(Dialect.UserinfoMethod.ANY)
                    .tokenLocation(Dialect.TokenLocation.CUSTOM_HEADER)
                    .tokenParamName("X-Access-Token")
                    .requiredUserinfoHeader("X-App-Key", "aaa")
                    .userinfoFormat(Dialect.UserinfoFormat.JSON_AS_TEXT_PLAIN)
                    .userinfoEnvelope(new Envelope("status", "ok", "fail", "message", "ok", "result", false)));
            default -> Dialect.byName(name);
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"seed", "plain", "envelope", "wechat", "feishu", "exotic-form", "exotic-header"})
    void standardClientLogsIn(String name) {
        Dialect d = dialectNamed(name);
        sim.dialect(d);

        Map<String, String> callback = client.loginForCallback("zhangsan", "zhangsan-pass", Map.of());
        assertThat(callback).containsEntry("state", "st-zhangsan").containsKey("code");

        Tokens tokens = client.exchange(callback.get("code"), null);
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.expiresIn()).isEqualTo(7200);
        if (d.tokenExtraFields()) {
            assertThat(tokens.raw().path("openid").asText()).isEqualTo("o-10001");
            assertThat(tokens.raw().path("uid").asText()).isEqualTo("10001");
        }

        JsonNode profile = client.payload(client.protectedCall(sim.userinfoUrl(), tokens));
        assertProfile(d.profileShape(), profile);

        JsonNode rolesAndDepts = client.payload(client.protectedCall(sim.profileUrl(), tokens));
        assertThat(DialectClient.texts(rolesAndDepts.get("roles"))).containsExactly("admin", "editor");
        assertThat(rolesAndDepts.at("/departments/0/code").asText()).isEqualTo("RD");
        assertThat(rolesAndDepts.at("/departments/1/name").asText()).isEqualTo("运维部");

        HttpResponse<String> api = client.get(sim.apiUrl(), Map.of("Authorization", "Bearer " + tokens.accessToken()));
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(DialectClient.readJson(api.body()).path("username").asText()).isEqualTo("zhangsan");

        Tokens refreshed = client.tokens(client.tokenRequest(client.refreshGrantParams(tokens.refreshToken()),
                sim.clientSecret()));
        assertThat(refreshed.accessToken()).isNotBlank().isNotEqualTo(tokens.accessToken());
    }

    private static void assertProfile(Dialect.ProfileShape shape, JsonNode p) {
        switch (shape) {
            case NESTED -> {
                assertThat(p.get("id").isNumber()).isTrue();
                assertThat(p.get("id").asLong()).isEqualTo(10001);
                assertThat(p.path("account").asText()).isEqualTo("zhangsan");
                assertThat(p.at("/contact/email").asText()).isEqualTo("zhangsan@example.com");
                assertThat(p.at("/contact/verified").asBoolean()).isTrue();
                assertThat(p.at("/name/first").asText()).isEqualTo("三");
                assertThat(p.at("/name/last").asText()).isEqualTo("张");
                assertThat(p.at("/name/full").asText()).isEqualTo("张三");
                assertThat(DialectClient.texts(p.get("roles"))).containsExactly("admin", "editor");
                assertThat(p.at("/depts/0/code").asText()).isEqualTo("RD");
                assertThat(p.at("/depts/0/name").asText()).isEqualTo("研发部");
            }
            case FLAT, FULL_NAME_ONLY -> {
                assertThat(p.get("sub").isTextual()).isTrue();
                assertThat(p.get("sub").asText()).isEqualTo("10001");
                assertThat(p.path("preferred_username").asText()).isEqualTo("zhangsan");
                assertThat(p.path("email").asText()).isEqualTo("zhangsan@example.com");
                assertThat(p.path("email_verified").asBoolean()).isTrue();
                assertThat(p.path("name").asText()).isEqualTo("张三");
                assertThat(DialectClient.texts(p.get("groups"))).containsExactly("/RD", "/OPS");
                if (shape == Dialect.ProfileShape.FLAT) {
                    assertThat(p.path("given_name").asText()).isEqualTo("三");
                    assertThat(p.path("family_name").asText()).isEqualTo("张");
                } else {
                    assertThat(p.has("given_name")).isFalse();
                    assertThat(p.has("family_name")).isFalse();
                }
            }
            case WECHAT -> {
                assertThat(p.path("openid").asText()).isEqualTo("o-10001");
                assertThat(p.path("unionid").asText()).isEqualTo("u-10001");
                assertThat(p.path("nickname").asText()).isEqualTo("张三");
                assertThat(p.path("headimgurl").asText()).startsWith("https://");
            }
            default -> throw new IllegalStateException(shape.toString());
        }
    }
}
