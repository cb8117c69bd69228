package dev.companysso.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The knobs for load runs: generated users, back-channel latency, the /__sim control API. */
class LoadKnobsTest {

    private static CompanySsoSimulator sim;
    private static DialectClient client;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sim = CompanySsoSimulator.start("127.0.0.1", 0, 4);
        client = new DialectClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    @Test
    void generatedUsersExistOnlyWhenSwitchedOn() {
        assertThat(sim.users().get("user42")).isNull();
        sim.users().generateOnDemand(true);
        SimUser u = sim.users().get("user42");
        assertThat(u.getPassword()).isEqualTo("user42-pass");
        assertThat(u.idAsString()).isEqualTo("1000000042");
        assertThat(u.getEmail()).isEqualTo("user42@example.com");
        assertThat(sim.users().get("user0")).isNull();
        assertThat(sim.users().get("userX")).isNull();
        assertThat(sim.users().findById("1000000043").getUsername()).isEqualTo("user43");

        DialectClient.Tokens tokens = client.loginAndExchange("user7", "user7-pass");
        assertThat(client.payload(client.protectedCall(sim.userinfoUrl(), tokens)).path("account").asText())
                .isEqualTo("user7");
        sim.reset();
        assertThat(sim.users().get("user99")).isNull();
    }

    @Test
    void backChannelLatencyDelaysTokenAndUserinfoOnly() throws Exception {
        sim.users().generateOnDemand(true);
        post("/__sim/latency?ms=120");
        assertThat(sim.backChannelLatency()).isEqualTo(120);
        long t0 = System.nanoTime();
        String code = client.loginForCode("user1", "user1-pass");
        long browserMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        client.exchange(code, null);
        long tokenMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(browserMs).isLessThan(120);
        assertThat(tokenMs).isGreaterThanOrEqualTo(120);
    }

    @Test
    void statsOverHttpAndReset() throws Exception {
        sim.users().generateOnDemand(true);
        client.loginAndExchange("user5", "user5-pass");
        JsonNode stats = Json.MAPPER.readTree(get("/__sim/stats"));
        assertThat(stats.path("requests").path(SsoPaths.TOKEN).asLong()).isEqualTo(1);
        assertThat(stats.path("connections").path(SsoPaths.TOKEN).asLong()).isEqualTo(1);
        assertThat(stats.path("tcpConnections").asLong()).isPositive();
        assertThat(sim.stats().requests("/__sim/stats")).isZero();
        post("/__sim/reset-stats");
        assertThat(sim.stats().totalRequests()).isZero();
    }

    @Test
    void countsWithoutKeepingRequests() {
        sim.users().generateOnDemand(true);
        sim.keepRequests(false);
        client.loginForCode("user3", "user3-pass");
        assertThat(sim.requests()).isEmpty();
        assertThat(sim.stats().loginRequests()).isEqualTo(1);
        sim.keepRequests(true);
    }

    private static String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void post(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
    }
}
