package dev.companysso.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * {@code /__sim/...}: the simulator's own control API, for a test or benchmark in another JVM. Not recorded, not
 * counted, never delayed. {@code GET /__sim/stats}: the {@link Stats} as JSON; {@code POST /__sim/reset-stats};
 * {@code POST /__sim/latency?ms=N}: the back-channel latency.
 */
final class ControlEndpoint implements Endpoint {

    static final String PREFIX = "/__sim/";

    @Override
    public void handle(SimExchange ex) throws IOException {
        String path = ex.request.path();
        switch (path) {
            case "/__sim/stats" -> ex.json(200, stats(ex.sim));
            case "/__sim/reset-stats" -> {
                if (!ex.isMethod("POST")) {
                    ex.json(405, Json.MAPPER.createObjectNode().put("error", "POST only"));
                    return;
                }
                ex.sim.resetStats();
                ex.json(200, stats(ex.sim));
            }
            case "/__sim/latency" -> {
                if (!ex.isMethod("POST")) {
                    ex.json(405, Json.MAPPER.createObjectNode().put("error", "POST only"));
                    return;
                }
                try {
                    ex.sim.backChannelLatency(Integer.parseInt(String.valueOf(ex.request.queryParam("ms"))));
                } catch (IllegalArgumentException e) {
                    ex.json(400, Json.MAPPER.createObjectNode().put("error", "ms must be a number >= 0"));
                    return;
                }
                ex.json(200, stats(ex.sim));
            }
            default -> ex.json(404, Json.MAPPER.createObjectNode().put("error", "not_found").put("path", path));
        }
    }

    static ObjectNode stats(CompanySsoSimulator sim) {
        Stats s = sim.stats();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("dialect", sim.dialect().name());
        root.put("latencyMs", sim.backChannelLatency());
        root.put("tcpConnections", s.tcpConnections());
        root.put("totalRequests", s.totalRequests());
        ObjectNode per = root.putObject("requests");
        s.perEndpoint().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> per.put(e.getKey(), e.getValue()));
        ObjectNode conns = root.putObject("connections");
        s.connectionsPerEndpoint().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> conns.put(e.getKey(), e.getValue()));
        return root;
    }
}
