package dev.companysso.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the Gatling run's figures ({@code BrokeredLoginSimulation}) and the JMH results into one Markdown report:
 * printed, and written to {@code --out}. Arguments: {@code --results F --jmh F --machine TEXT --mode full|smoke
 * --out F [--note TEXT]}.
 */
public final class BenchmarkReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] IDPS = {"company-sso-seed", "company-sso-plain", "builtin-oauth2"};
    private static final Map<String, String> LABELS = Map.of(
            "company-sso-seed", "Company SSO, seed dialect",
            "company-sso-plain", "Company SSO, plain OAuth2",
            "builtin-oauth2", "Keycloak `oauth2`, plain OAuth2");

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        JsonNode results = JSON.readTree(Path.of(a.get("results")).toFile());
        Path jmhFile = a.containsKey("jmh") ? Path.of(a.get("jmh")) : null;
        JsonNode jmh = jmhFile != null && Files.exists(jmhFile) ? JSON.readTree(jmhFile.toFile()) : null;
        String md = render(results, jmh, a.getOrDefault("machine", "?"), a.getOrDefault("mode", "full"),
                a.getOrDefault("note", ""));
        System.out.println(md);
        Path out = Path.of(a.get("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
        System.out.println("Written to " + out);
    }

    static String render(JsonNode results, JsonNode jmh, String machine, String mode, String note) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Company SSO benchmark").append(mode.equals("smoke") ? " (smoke run: figures not meaningful)" : "")
                .append("\n\n")
                .append("- Date: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n')
                .append("- Machine: ").append(machine).append('\n')
                .append("- Keycloak 26.7.3, production mode (`kc.sh build --db=postgres`, `start --optimized`), "
                        + "PostgreSQL from the Debian package, one node; load generator (Gatling), Keycloak, "
                        + "PostgreSQL and the three simulated SSOs all on this machine\n")
                .append("- Closed model: ").append(results.path("concurrency").asInt())
                .append(" logins in flight; ").append(results.path("warmupSeconds").asInt())
                .append(" s warm-up per identity provider, then ").append(rounds(results))
                .append(" rounds of ").append(results.path("seconds").asInt() / rounds(results))
                .append(" s per identity provider and kind of login, each round starting with the next identity provider"
                        + " (the order rotates, so no provider always runs warmest); a row adds up its rounds."
                        + " Latency = one whole browser login (5-8 browser requests plus Keycloak's two calls to the SSO)"
                        + " from the app's authorization URL to the code at the app's redirect URI\n");
        if (!note.isBlank()) {
            sb.append("- Note: ").append(note).append('\n');
        }
        sb.append("\n## Brokered logins\n\n")
                .append("| Identity provider | Login | SSO latency | Logins | Errors | Logins/s | p50 ms | p95 ms | p99 ms |\n")
                .append("|---|---|---|---:|---:|---:|---:|---:|---:|\n");
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode p : results.path("phases")) {
            byKey.put(key(p.path("idp").asText(), p.path("kind").asText(), p.path("latencyMs").asInt()), p);
        }
        for (JsonNode p : results.path("phases")) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %.1f | %.0f | %.0f | %.0f |%n",
                    LABELS.getOrDefault(p.path("idp").asText(), p.path("idp").asText()), p.path("kind").asText(),
                    p.path("latencyMs").asInt() == 0 ? "none" : p.path("latencyMs").asInt() + " ms",
                    p.path("logins").asLong(), p.path("errors").asLong(), p.path("loginsPerSecond").asDouble(),
                    p.path("p50Ms").asDouble(), p.path("p95Ms").asDouble(), p.path("p99Ms").asDouble()));
        }
        sb.append("\n## Ratios (logins/s; p50 latency)\n\n")
                .append("| Ratio | Login | SSO latency | Throughput ratio | per round | p50 ratio |\n|---|---|---|---:|---|---:|\n");
        int latency = results.path("phases").findValues("latencyMs").stream().mapToInt(JsonNode::asInt).max().orElse(0);
        Map<String, List<Double>> roundRatios = new LinkedHashMap<>();
        for (int l : latency > 0 ? new int[] {0, latency} : new int[] {0}) {
            for (String kind : new String[] {"first", "returning"}) {
                ratio(sb, "Company-plain ÷ builtin", byKey.get(key("company-sso-plain", kind, l)),
                        byKey.get(key("builtin-oauth2", kind, l)), kind, l, roundRatios);
                ratio(sb, "Company-seed ÷ Company-plain", byKey.get(key("company-sso-seed", kind, l)),
                        byKey.get(key("company-sso-plain", kind, l)), kind, l, roundRatios);
            }
        }
        // Every round of every kind and latency is one paired comparison (the two providers ran back to back):
        // their geometric mean, with a 95 % confidence interval from the rounds' spread, is the run's verdict.
        sb.append("\nOver all rounds (each round = one paired comparison; geometric mean of the round ratios, "
                + "95 % confidence interval from their spread):\n\n")
                .append("| Ratio | Rounds | Throughput ratio | 95 % interval |\n|---|---:|---:|---|\n");
        roundRatios.forEach((label, values) -> {
            double[] logs = values.stream().mapToDouble(Math::log).toArray();
            double mean = java.util.Arrays.stream(logs).average().orElse(0);
            double sd = Math.sqrt(java.util.Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum()
                    / Math.max(1, logs.length - 1));
            double half = logs.length > 1 ? 1.96 * sd / Math.sqrt(logs.length) : 0;
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f – %.2f |%n", label, logs.length,
                    Math.exp(mean), Math.exp(mean - half), Math.exp(mean + half)));
        });
        if (latency > 0) {
            sb.append("\n## With ").append(latency).append(" ms of SSO latency (token and user info calls)\n\n")
                    .append("| Identity provider | Login | Logins/s without | Logins/s with | p50 without → with | Errors with |\n")
                    .append("|---|---|---:|---:|---|---:|\n");
            for (String idp : IDPS) {
                for (String kind : new String[] {"first", "returning"}) {
                    JsonNode a = byKey.get(key(idp, kind, 0));
                    JsonNode b = byKey.get(key(idp, kind, latency));
                    if (a == null || b == null) {
                        continue;
                    }
                    sb.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.0f → %.0f ms | %d |%n",
                            LABELS.get(idp), kind, a.path("loginsPerSecond").asDouble(),
                            b.path("loginsPerSecond").asDouble(), a.path("p50Ms").asDouble(),
                            b.path("p50Ms").asDouble(), b.path("errors").asLong()));
                }
            }
        }
        sb.append("\n## TCP connections at the simulated SSOs (whole run)\n\n")
                .append("| Simulated SSO | Logins (token requests) | Keycloak connections to the token endpoint | "
                        + "to the user info endpoint | all connections (incl. the load generator's) |\n")
                .append("|---|---:|---:|---:|---:|\n");
        results.path("simulators").fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            sb.append(String.format(Locale.ROOT, "| %s (%s) | %d | %d | %d | %d |%n", e.getKey(),
                    s.path("dialect").asText(), s.path("requests").path("/sso/oauth/token").asLong(),
                    s.path("connections").path("/sso/oauth/token").asLong(),
                    s.path("connections").path("/sso/oauth/userinfo").asLong(), s.path("tcpConnections").asLong()));
        });
        if (jmh != null) {
            sb.append("\n## The extension's own work per login (JMH, average time)\n\n")
                    .append("| Benchmark | µs/op | ± (99.9%) |\n|---|---:|---:|\n");
            for (JsonNode b : jmh) {
                String name = b.path("benchmark").asText().replaceFirst(".*\\.", "");
                JsonNode m = b.path("primaryMetric");
                sb.append(String.format(Locale.ROOT, "| %s | %.2f | %s |%n", name, m.path("score").asDouble(),
                        m.path("scoreError").isNumber() && !Double.isNaN(m.path("scoreError").asDouble())
                                ? String.format(Locale.ROOT, "%.2f", m.path("scoreError").asDouble()) : "n/a"));
            }
            sb.append("\n`seedLogin` / `envelopeLogin` = one whole login's parsing (token + user info answers), "
                    + "profile merge, identity extraction and two list mappers (20 roles, 3 departments).\n");
        }
        return sb.toString();
    }

    private static void ratio(StringBuilder sb, String label, JsonNode a, JsonNode b, String kind, int latency,
                              Map<String, List<Double>> roundRatios) {
        if (a == null || b == null) {
            return;
        }
        double ta = a.path("loginsPerSecond").asDouble();
        double tb = b.path("loginsPerSecond").asDouble();
        double pa = a.path("p50Ms").asDouble();
        double pb = b.path("p50Ms").asDouble();
        // The same ratio round by round: its spread is the run-to-run noise the overall ratio is read against.
        List<String> perRound = new ArrayList<>();
        JsonNode ra = a.path("roundLoginsPerSecond");
        JsonNode rb = b.path("roundLoginsPerSecond");
        for (int i = 0; i < Math.min(ra.size(), rb.size()); i++) {
            if (ra.get(i).asDouble() > 0 && rb.get(i).asDouble() > 0) {
                double r = ra.get(i).asDouble() / rb.get(i).asDouble();
                perRound.add(String.format(Locale.ROOT, "%.2f", r));
                roundRatios.computeIfAbsent(label, k -> new ArrayList<>()).add(r);
            } else {
                perRound.add("n/a");
            }
        }
        sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", label, kind,
                latency == 0 ? "none" : latency + " ms", tb > 0 ? String.format(Locale.ROOT, "%.2f", ta / tb) : "n/a",
                perRound.isEmpty() ? "" : String.join(", ", perRound),
                pb > 0 ? String.format(Locale.ROOT, "%.2f", pa / pb) : "n/a"));
    }

    private static int rounds(JsonNode results) {
        return Math.max(1, results.path("rounds").asInt(1));
    }

    private static String key(String idp, String kind, int latency) {
        return idp + "|" + kind + "|" + latency;
    }
}
