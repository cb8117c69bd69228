package dev.companysso.simulator;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class ClientAssertionTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void acceptsAnHs256AssertionSignedWithTheSecret() {
        assertThatCode(() -> ClientAssertion.verify(params(hs256("aaa", "aaa", "bbb")), "aaa", "aaa", "bbb", null))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAWrongSecretAWrongIssuerAWrongTypeAndRs256WithoutAKey() {
        assertThatThrownBy(() -> ClientAssertion.verify(params(hs256("aaa", "aaa", "other")), null, "aaa", "bbb", null))
                .isInstanceOf(OAuthProblem.class).hasMessageContaining("does not verify");
        assertThatThrownBy(() -> ClientAssertion.verify(params(hs256("zzz", "aaa", "bbb")), null, "aaa", "bbb", null))
                .isInstanceOf(OAuthProblem.class).hasMessageContaining("iss and sub");
        assertThatThrownBy(() -> ClientAssertion.verify(Map.of("client_assertion_type", "x",
                "client_assertion", hs256("aaa", "aaa", "bbb")), null, "aaa", "bbb", null))
                .isInstanceOf(OAuthProblem.class).hasMessageContaining("client_assertion_type");
        String rs256 = B64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + ".e30.c2ln";
        assertThatThrownBy(() -> ClientAssertion.verify(params(rs256), null, "aaa", "bbb", null))
                .isInstanceOf(OAuthProblem.class);
    }

    private static Map<String, String> params(String assertion) {
        return Map.of("client_assertion_type", ClientAssertion.TYPE_JWT_BEARER, "client_assertion", assertion);
    }

    private static String hs256(String iss, String sub, String secret) throws Exception {
        String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = B64.encodeToString(("{\"iss\":\"" + iss + "\",\"sub\":\"" + sub + "\",\"exp\":"
                + (Instant.now().getEpochSecond() + 60) + "}").getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return header + "." + claims + "." + B64.encodeToString(mac.doFinal((header + "." + claims)
                .getBytes(StandardCharsets.US_ASCII)));
    }
}
