package dev.companysso.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.form;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Brokered logins through Keycloak, browser-level: the app's authorization URL, Keycloak's login page, the
 * identity provider's link, the simulated SSO's form, its POST, then every redirect back through Keycloak's
 * broker endpoint (and, for a first login, the first-broker-login flow that creates the user) until Keycloak
 * redirects to the app with a code. One virtual user is one browser doing one login.
 *
 * <p>Phases, one after the other (closed model: {@code bench.concurrency} logins in flight): first a warm-up of
 * every identity provider; then {@code bench.rounds} rounds, each running every identity provider's first logins
 * (fresh {@code userN} users, created in Keycloak) and returning logins (users created earlier) for
 * {@code bench.seconds / bench.rounds} seconds. Each round starts with a different identity provider (the order
 * rotates), so none of them always gets the warmest JVM or the quietest minute; the rounds' figures are added up,
 * and each round's own throughput is kept to show the run-to-run spread. All of that without SSO latency, then
 * again with {@code bench.latencyMs} of back-channel latency at the simulated SSO. Each login's time is measured
 * from its first request to the code; the figures go to {@code bench.out} (JSON) together with the simulators'
 * TCP connection counts.
 *
 * <p>Started by {@code scripts/benchmark.sh}, which sets the system properties below.
 */
public class BrokeredLoginSimulation extends Simulation {

    static final String KEYCLOAK = System.getProperty("bench.keycloak", "http://127.0.0.1:8080");
    static final String REALM = "bench";
    static final String CLIENT = "bench-app";
    static final String REDIRECT = "http://127.0.0.1:9/bench/callback";
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 4);
    /** Measured seconds per identity provider, kind of login and latency, split evenly over the rounds. */
    static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    static final int ROUNDS = Math.max(1, Integer.getInteger("bench.rounds", 3));
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 10);
    static final int LATENCY_MS = Integer.getInteger("bench.latencyMs", 50);
    static final Path OUT = Path.of(System.getProperty("bench.out", "target/bench-results.json"));
    /** alias=simulator base URL, comma-separated, in the order of the first round. */
    static final Map<String, String> SIMULATORS = parse(System.getProperty("bench.simulators",
            "company-sso-seed=http://127.0.0.1:18091,company-sso-plain=http://127.0.0.1:18092,"
                    + "builtin-oauth2=http://127.0.0.1:18093"));
    /**
     * Safari's user agent: on plain http Keycloak then sets its cookies without 'Secure' (it does so for Safari),
     * which Gatling's cookie jar, unlike a browser on 127.0.0.1, would otherwise not send back.
     */
    static final String USER_AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Safari/605.1.15";

    /** Epoch nanoseconds minus {@code System.nanoTime()}: turns the phases' nano times into wall-clock times. */
    static final long EPOCH_MINUS_NANO = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
    static final AtomicLong NEXT_USER = new AtomicLong(Long.getLong("bench.firstUser", 1));
    static final Map<String, List<String>> CREATED = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> NEXT_RETURNING = new ConcurrentHashMap<>();
    static final Map<String, Phase> PHASES = Collections.synchronizedMap(new LinkedHashMap<>());

    /** The measurements of one phase: one identity provider, kind of login and latency, in one round. */
    static final class Phase {
        final String name;
        final String idp;
        final String kind;
        final int latencyMs;
        final int round;
        final boolean reported;
        final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);

        Phase(String name, String idp, String kind, int latencyMs, int round, boolean reported) {
            this.name = name;
            this.idp = idp;
            this.kind = kind;
            this.latencyMs = latencyMs;
            this.round = round;
            this.reported = reported;
        }

        String cell() {
            return idp + "|" + kind + "|" + latencyMs;
        }

        /** The round's window as epoch milliseconds, to line it up with Keycloak's JFR recording. */
        String epochWindow() {
            return "[" + (firstStart.get() + EPOCH_MINUS_NANO) / 1_000_000 + ", "
                    + (lastEnd.get() + EPOCH_MINUS_NANO) / 1_000_000 + "]";
        }

        double windowSeconds() {
            return nanos.isEmpty() ? 0 : (lastEnd.get() - firstStart.get()) / 1e9;
        }
    }

    HttpProtocolBuilder protocol = http.baseUrl(KEYCLOAK)
            .disableFollowRedirect()
            .shareConnections()
            .userAgentHeader(USER_AGENT)
            .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .acceptLanguageHeader("en");

    {
        List<PopulationBuilder> steps = new ArrayList<>();
        List<String> idps = new ArrayList<>(SIMULATORS.keySet());
        for (String idp : idps) {
            CREATED.put(idp, Collections.synchronizedList(new ArrayList<>()));
            NEXT_RETURNING.put(idp, new AtomicLong());
        }
        int roundSeconds = Math.max(1, SECONDS / ROUNDS);
        for (int latency : new int[] {0, LATENCY_MS}) {
            steps.add(setLatency(latency));
            if (latency == 0 && WARMUP_SECONDS > 0) {
                for (String idp : idps) {
                    steps.add(phase(idp, "warmup", latency, 0, WARMUP_SECONDS, false));
                }
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < idps.size(); i++) {
                    String idp = idps.get((i + round) % idps.size());
                    steps.add(phase(idp, "first", latency, round, roundSeconds, true));
                    steps.add(phase(idp, "returning", latency, round, roundSeconds, true));
                }
            }
        }
        PopulationBuilder chain = steps.get(steps.size() - 1);
        for (int i = steps.size() - 2; i >= 0; i--) {
            chain = steps.get(i).andThen(chain);
        }
        setUp(chain).protocols(protocol);
    }

    @Override
    public void before() {
        for (String sim : SIMULATORS.values()) {
            call("POST", sim + "/__sim/reset-stats");
        }
    }

    @Override
    public void after() {
        StringBuilder json = new StringBuilder("{\n  \"concurrency\": ").append(CONCURRENCY)
                .append(",\n  \"seconds\": ").append(SECONDS)
                .append(",\n  \"rounds\": ").append(ROUNDS)
                .append(",\n  \"warmupSeconds\": ").append(WARMUP_SECONDS)
                .append(",\n  \"phases\": [\n");
        // One row per identity provider, kind and latency: the rounds' logins added up, throughput = logins over
        // the sum of the rounds' windows, percentiles over every login; plus each round's own throughput.
        Map<String, List<Phase>> cells = new LinkedHashMap<>();
        synchronized (PHASES) {
            for (Phase p : PHASES.values()) {
                if (p.reported) {
                    cells.computeIfAbsent(p.cell(), k -> new ArrayList<>()).add(p);
                }
            }
        }
        List<String> rows = new ArrayList<>();
        for (List<Phase> rounds : cells.values()) {
            Phase any = rounds.get(0);
            rounds.sort(java.util.Comparator.comparingInt(p -> p.round));
            long[] sorted = rounds.stream().flatMap(p -> p.nanos.stream()).mapToLong(Long::longValue).sorted().toArray();
            double windowS = rounds.stream().mapToDouble(Phase::windowSeconds).sum();
            long errors = rounds.stream().mapToLong(p -> p.errors.get()).sum();
            List<String> perRound = new ArrayList<>();
            List<String> windows = new ArrayList<>();
            for (Phase p : rounds) {
                double w = p.windowSeconds();
                perRound.add(String.format(java.util.Locale.ROOT, "%.2f", w > 0 ? p.nanos.size() / w : 0));
                if (!p.nanos.isEmpty()) {
                    windows.add(p.epochWindow());
                }
            }
            rows.add(String.format(java.util.Locale.ROOT,
                    "    {\"idp\": \"%s\", \"kind\": \"%s\", \"latencyMs\": %d, \"logins\": %d, \"errors\": %d, "
                            + "\"windowSeconds\": %.3f, \"loginsPerSecond\": %.2f, \"roundLoginsPerSecond\": [%s], "
                            + "\"epochWindowsMs\": [%s], "
                            + "\"p50Ms\": %.1f, \"p95Ms\": %.1f, \"p99Ms\": %.1f, \"maxMs\": %.1f}",
                    any.idp, any.kind, any.latencyMs, sorted.length, errors, windowS,
                    windowS > 0 ? sorted.length / windowS : 0, String.join(", ", perRound), String.join(", ", windows),
                    pct(sorted, 50),
                    pct(sorted, 95), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6));
        }
        json.append(String.join(",\n", rows)).append("\n  ],\n  \"simulators\": {\n");
        List<String> sims = new ArrayList<>();
        SIMULATORS.forEach((idp, sim) -> sims.add("    \"" + idp + "\": " + call("GET", sim + "/__sim/stats").strip()));
        json.append(String.join(",\n", sims)).append("\n  }\n}\n");
        try {
            Files.createDirectories(OUT.toAbsolutePath().getParent());
            Files.writeString(OUT, json.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Benchmark figures written to " + OUT.toAbsolutePath());
    }

    // ------------------------------------------------------------------ the login

    PopulationBuilder phase(String idp, String kind, int latencyMs, int round, int seconds, boolean reported) {
        String name = idp + " " + kind + (latencyMs > 0 ? " +" + latencyMs + "ms" : "") + " round " + (round + 1);
        Phase phase = new Phase(name, idp, kind, latencyMs, round, reported);
        PHASES.put(name, phase);
        ScenarioBuilder scn = scenario(name)
                .exec(session -> start(session, idp, !kind.equals("returning")))
                .exitHereIf(session -> session.getString("username") == null)
                .exec(exitBlockOnFail().on(login(idp + (latencyMs > 0 ? " +" + latencyMs + "ms" : ""), idp)))
                .exec(session -> finish(session, phase, idp, !kind.equals("returning")));
        return scn.injectClosed(constantConcurrentUsers(CONCURRENCY).during(seconds));
    }

    /** One browser login through {@code idp}; {@code label} prefixes the request names in Gatling's report. */
    static ChainBuilder login(String label, String idp) {
        // Request names carry the identity provider and, for the redirects, the Keycloak endpoint, so Gatling's
        // report (benchmark/target/gatling/) shows where a provider's time goes, step by step.
        return exec(http(label + " | app authorization").get(session -> authorizationUrl())
                        .check(status().is(200), css("a#social-" + idp, "href").saveAs("idpLink")))
                .exec(http(label + " | identity provider link").get("#{idpLink}")
                        .check(status().in(302, 303), header("Location").saveAs("loc")))
                .exec(http(label + " | sso authorize").get("#{loc}")
                        .check(status().is(200), form("#sso-login").saveAs("form")))
                .exec(session -> credentials(session))
                .exec(http(label + " | sso login").post("#{ssoLogin}").formParamMap(session -> session.getMap("form"))
                        .check(status().is(302), header("Location").saveAs("loc")))
                .asLongAs(session -> !session.getString("loc").startsWith(REDIRECT) && session.getInt("hops") < 10)
                .on(exec(http(session -> label + " | " + step(session.getString("loc"))).get("#{loc}")
                                .check(status().in(302, 303), header("Location").saveAs("loc")))
                        .exec(session -> session.set("hops", session.getInt("hops") + 1)));
    }

    /** The Keycloak endpoint a redirect goes to, for the request's name in Gatling's report. */
    static String step(String location) {
        if (location.contains("/broker/") && location.contains("/endpoint")) {
            return "broker callback (code exchange, user info)";
        }
        if (location.contains("/after-first-broker-login")) {
            return "after first broker login";
        }
        if (location.contains("/first-broker-login")) {
            return "first broker login flow";
        }
        if (location.contains("/login-actions/")) {
            return "login action";
        }
        if (location.contains("/protocol/openid-connect/auth")) {
            return "authorization endpoint";
        }
        return "other redirect";
    }

    static String authorizationUrl() {
        return KEYCLOAK + "/realms/" + REALM + "/protocol/openid-connect/auth?client_id=" + CLIENT
                + "&response_type=code&scope=openid&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + "&state=" + UUID.randomUUID() + "&nonce=" + UUID.randomUUID();
    }

    static Session start(Session session, String idp, boolean first) {
        String username;
        if (first) {
            username = "user" + NEXT_USER.getAndIncrement();
        } else {
            List<String> created = CREATED.get(idp);
            synchronized (created) {
                username = created.isEmpty() ? null
                        : created.get((int) (NEXT_RETURNING.get(idp).getAndIncrement() % created.size()));
            }
        }
        return session.set("username", username).set("t0", System.nanoTime()).set("hops", 0);
    }

    /** The SSO form's hidden fields plus the credentials; the form posts to the SSO that served it. */
    static Session credentials(Session session) {
        Map<String, Object> fields = new LinkedHashMap<>(session.getMap("form"));
        String username = session.getString("username");
        fields.put("username", username);
        fields.put("password", username + "-pass");
        URI sso = URI.create(session.getString("loc"));
        return session.set("form", fields)
                .set("ssoLogin", sso.getScheme() + "://" + sso.getRawAuthority() + "/sso/oauth/login");
    }

    static Session finish(Session session, Phase phase, String idp, boolean first) {
        long end = System.nanoTime();
        long start = session.getLong("t0");
        String loc = session.contains("loc") ? session.getString("loc") : "";
        boolean ok = !session.isFailed() && loc.startsWith(REDIRECT) && loc.contains("code=");
        if (ok) {
            phase.nanos.add(end - start);
            phase.firstStart.accumulateAndGet(start, Math::min);
            phase.lastEnd.accumulateAndGet(end, Math::max);
            if (first) {
                CREATED.get(idp).add(session.getString("username"));
            }
        } else {
            long n = phase.errors.incrementAndGet();
            if (n <= 3) {
                System.err.println("[bench] " + phase.name + ": login of " + session.getString("username")
                        + " failed, last location " + loc);
            }
        }
        return session.markAsSucceeded();
    }

    // ------------------------------------------------------------------ helpers

    PopulationBuilder setLatency(int ms) {
        ScenarioBuilder scn = scenario("SSO latency " + ms + " ms");
        for (String sim : SIMULATORS.values()) {
            scn = scn.exec(http("set latency").post(sim + "/__sim/latency?ms=" + ms).check(status().is(200)));
        }
        return scn.injectOpen(atOnceUsers(1));
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
    }

    static Map<String, String> parse(String spec) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            m.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return m;
    }

    static String call(String method, String url) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
