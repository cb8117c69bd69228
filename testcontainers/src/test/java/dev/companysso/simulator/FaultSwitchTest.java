package dev.companysso.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.companysso.simulator.DialectClient.Tokens;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault switches: each fault as a client sees it, "next" versus "always", and code counting. */
class FaultSwitchTest extends SimulatorTestBase {

    @Test
    void aNextFaultHitsOneAnswerAndUsesUpTheCode() {
        String code = client.loginForCode("alice", "alice-pass");
        sim.faults().next(FaultTarget.TOKEN, Fault.HTTP_5XX);

        HttpResponse<String> broken = client.tokenRequest(client.codeGrantParams(code, null), sim.clientSecret());
        assertThat(broken.statusCode()).isEqualTo(503);
        // The code was consumed before the answer broke: a replay is refused.
        HttpResponse<String> replay = client.tokenRequest(client.codeGrantParams(code, null), sim.clientSecret());
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("invalid_grant");
        assertThat(sim.stats().tokenRequestsFor(code)).isEqualTo(2);
        // The switch is off again.
        assertThat(client.loginAndExchange("alice", "alice-pass").accessToken()).isNotBlank();
    }

    @Test
    void eachReplacingFaultAnswersAsAdvertised() {
        Tokens tokens = client.loginAndExchange("alice", "alice-pass");
        expect(tokens, Fault.HTTP_5XX, 503, "text/plain", "Service Unavailable");
        expect(tokens, Fault.HTML_ERROR_PAGE, 200, "text/html", "<html>");
        expect(tokens, Fault.MALFORMED_JSON, 200, "application/json", "\"id\":");
        expect(tokens, Fault.EMPTY_BODY, 200, "application/json", "");
        expect(tokens, Fault.WRONG_CONTENT_TYPE, 200, "application/xml", "<?xml");
        expect(tokens, Fault.ERROR_ENVELOPE, 200, "application/json", "\"code\":40029");

        sim.faults().next(FaultTarget.USERINFO, Fault.HUGE_BODY);
        assertThat(client.protectedCall(sim.userinfoUrl(), tokens).body()).hasSize(Fault.HUGE_BODY_BYTES);
        sim.faults().next(FaultTarget.USERINFO, Fault.INVALID_UTF8);
        assertThat(client.protectedCall(sim.userinfoUrl(), tokens).body()).contains("\uFFFD");
    }

    @Test
    void idFaultsBreakOnlyTheId() {
        Tokens tokens = client.loginAndExchange("alice", "alice-pass");
        sim.faults().always(FaultTarget.USERINFO, Fault.MISSING_ID);
        JsonNode missing = client.payload(client.protectedCall(sim.userinfoUrl(), tokens));
        assertThat(missing.has("id")).isFalse();
        assertThat(missing.path("account").asText()).isEqualTo("alice");
        // "always" stays on
        assertThat(client.payload(client.protectedCall(sim.userinfoUrl(), tokens)).has("id")).isFalse();

        sim.faults().always(FaultTarget.USERINFO, Fault.EMPTY_ID);
        assertThat(client.payload(client.protectedCall(sim.userinfoUrl(), tokens)).path("id").asText()).isEmpty();
        sim.faults().always(FaultTarget.USERINFO, Fault.OBJECT_ID);
        assertThat(client.payload(client.protectedCall(sim.userinfoUrl(), tokens)).path("id").isObject()).isTrue();
        sim.faults().clear();
        assertThat(client.payload(client.protectedCall(sim.userinfoUrl(), tokens)).path("id").asLong()).isEqualTo(10002);

        assertThatThrownBy(() -> sim.faults().next(FaultTarget.TOKEN, Fault.MISSING_ID))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDelayAnswersNormallyButLate() {
        Tokens tokens = client.loginAndExchange("alice", "alice-pass");
        sim.faults().next(FaultTarget.USERINFO, Fault.delay(Duration.ofMillis(600)));
        long start = System.nanoTime();
        HttpResponse<String> late = client.protectedCall(sim.userinfoUrl(), tokens);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(client.payload(late).path("account").asText()).isEqualTo("alice");
    }

    private static void expect(Tokens tokens, Fault fault, int status, String contentType, String bodyPart) {
        sim.faults().next(FaultTarget.USERINFO, fault);
        HttpResponse<String> answer = client.protectedCall(sim.userinfoUrl(), tokens);
        assertThat(answer.statusCode()).as(fault.toString()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(fault.toString()).startsWith(contentType);
        assertThat(answer.body()).as(fault.toString()).contains(bodyPart);
    }
}
