package dev.companysso.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where Keycloak's CPU went during the login benchmark, from a Java Flight Recorder recording of the Keycloak JVM
 * ({@code BENCH_PROFILE=1 ./scripts/benchmark.sh}). Counts JFR's execution samples (Java threads on CPU) and
 * reports: the share with an extension frame anywhere on the stack (the extension and everything it calls:
 * Keycloak's HTTP client, Jackson, ...), the share whose innermost frame is the extension's own code, and the CPU
 * spent in each broker's callback endpoint, which is where a brokered login differs between identity providers:
 * {@code CompanySsoCallback.authResponse} (both Company SSO providers) against Keycloak's own
 * {@code AbstractOAuth2IdentityProvider$Endpoint.authResponse} (the built-in {@code oauth2} provider).
 *
 * <p>With {@code --results} (the Gatling run's figures, which carry each phase's wall-clock windows) it also
 * counts Keycloak's samples inside each phase and divides them by the phase's logins: Keycloak's CPU per login for
 * each identity provider, a figure that, unlike throughput, barely depends on what else the machine was doing.
 *
 * <p>Arguments: {@code --jfr FILE --out FILE [--results FILE]}. Prints the Markdown section and writes it to
 * {@code --out}.
 */
public final class CpuProfileReport {

    static final String EXTENSION = "dev.companysso.keycloak.";
    static final String OUR_CALLBACK = "dev.companysso.keycloak.CompanySsoCallback.authResponse";
    static final String BUILTIN_CALLBACK = "org.keycloak.broker.oidc.AbstractOAuth2IdentityProvider$Endpoint.authResponse";

    private CpuProfileReport() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        JsonNode results = a.containsKey("results") ? new ObjectMapper().readTree(Path.of(a.get("results")).toFile()) : null;
        String md = render(Path.of(a.get("jfr")), results);
        System.out.println(md);
        Path out = Path.of(a.get("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
    }

    static String render(Path jfr, JsonNode results) throws IOException {
        List<JsonNode> phases = new ArrayList<>();
        if (results != null) {
            results.path("phases").forEach(phases::add);
        }
        long[] samplesInPhase = new long[phases.size()];
        long total = 0;
        long withExtension = 0;
        long extensionSelf = 0;
        long ourCallback = 0;
        long builtinCallback = 0;
        Map<String, Long> innermostExtensionMethod = new HashMap<>();
        try (RecordingFile recording = new RecordingFile(jfr)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                total++;
                long at = event.getStartTime().toEpochMilli();
                for (int i = 0; i < phases.size(); i++) {
                    if (within(phases.get(i).path("epochWindowsMs"), at)) {
                        samplesInPhase[i]++;
                    }
                }
                RecordedStackTrace stack = event.getStackTrace();
                List<RecordedFrame> frames = stack.getFrames();
                String innermostOurs = null;
                boolean inOurCallback = false;
                boolean inBuiltinCallback = false;
                for (RecordedFrame frame : frames) {
                    String method = name(frame);
                    if (innermostOurs == null && method.startsWith(EXTENSION)) {
                        innermostOurs = method;
                    }
                    inOurCallback |= method.equals(OUR_CALLBACK);
                    inBuiltinCallback |= method.equals(BUILTIN_CALLBACK);
                }
                if (innermostOurs != null) {
                    withExtension++;
                    innermostExtensionMethod.merge(innermostOurs, 1L, Long::sum);
                    if (!frames.isEmpty() && name(frames.get(0)).startsWith(EXTENSION)) {
                        extensionSelf++;
                    }
                }
                ourCallback += inOurCallback ? 1 : 0;
                builtinCallback += inBuiltinCallback ? 1 : 0;
            }
        }
        StringBuilder sb = new StringBuilder("\n## Keycloak's CPU during the run (Java Flight Recorder)\n\n");
        sb.append(String.format(Locale.ROOT, "%d execution samples of Keycloak's Java threads on CPU.%n%n", total));
        if (!phases.isEmpty()) {
            perLogin(sb, phases, samplesInPhase);
        }
        sb.append("| Samples | Count | Share |\n|---|---:|---:|\n");
        row(sb, "with an extension frame on the stack (the extension and what it calls)", withExtension, total);
        row(sb, "whose innermost frame is the extension's own code", extensionSelf, total);
        row(sb, "in Company SSO's callback endpoint (`CompanySsoCallback.authResponse`, 2 providers)", ourCallback, total);
        row(sb, "in the built-in broker's callback endpoint (`AbstractOAuth2IdentityProvider$Endpoint.authResponse`)",
                builtinCallback, total);
        sb.append("\nThe callback rows include what Keycloak does inside the callback (user lookup or creation, "
                + "sessions, the redirect); divide by each provider's logins for CPU per callback.\n\n")
                .append("| Extension method nearest to the CPU (top 10) | Samples |\n|---|---:|\n");
        innermostExtensionMethod.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(10)
                .forEach(e -> sb.append("| `").append(e.getKey().substring(EXTENSION.length())).append("` | ")
                        .append(e.getValue()).append(" |\n"));
        return sb.toString();
    }

    /** Keycloak's samples per login in each phase, and each provider's figure against the built-in broker's. */
    private static void perLogin(StringBuilder sb, List<JsonNode> phases, long[] samplesInPhase) {
        Map<String, Double> perLogin = new HashMap<>();
        for (int i = 0; i < phases.size(); i++) {
            JsonNode p = phases.get(i);
            long logins = p.path("logins").asLong();
            perLogin.put(p.path("idp").asText() + "|" + p.path("kind").asText() + "|" + p.path("latencyMs").asInt(),
                    logins == 0 ? 0 : (double) samplesInPhase[i] / logins);
        }
        sb.append("Keycloak's CPU per login, per phase (samples inside the phase's rounds ÷ its logins; 10 ms "
                        + "sampling period):\n\n")
                .append("| Identity provider | Login | SSO latency | Samples | Samples per login | ÷ built-in |\n")
                .append("|---|---|---|---:|---:|---:|\n");
        for (int i = 0; i < phases.size(); i++) {
            JsonNode p = phases.get(i);
            String kind = p.path("kind").asText();
            int latency = p.path("latencyMs").asInt();
            double mine = perLogin.get(p.path("idp").asText() + "|" + kind + "|" + latency);
            Double builtin = perLogin.get("builtin-oauth2|" + kind + "|" + latency);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.3f | %s |%n", p.path("idp").asText(), kind,
                    latency == 0 ? "none" : latency + " ms", samplesInPhase[i], mine,
                    builtin == null || builtin == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", mine / builtin)));
        }
        sb.append('\n');
    }

    private static boolean within(JsonNode windows, long epochMillis) {
        for (JsonNode w : windows) {
            if (epochMillis >= w.get(0).asLong() && epochMillis <= w.get(1).asLong()) {
                return true;
            }
        }
        return false;
    }

    private static void row(StringBuilder sb, String label, long count, long total) {
        sb.append(String.format(Locale.ROOT, "| %s | %d | %.2f %% |%n", label, count,
                total == 0 ? 0.0 : 100.0 * count / total));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
