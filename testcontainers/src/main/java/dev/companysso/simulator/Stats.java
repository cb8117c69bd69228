package dev.companysso.simulator;

import java.util.Map;

/**
 * A snapshot of the simulator's counters since start or the last {@link CompanySsoSimulator#reset()}.
 *
 * @param perEndpoint    requests per path (every path, also unknown ones)
 * @param tcpConnections TCP connections that sent at least one request (distinct client ip:port pairs)
 * @param codeUses       token requests per authorization code presented (valid, used up or unknown)
 * @param connectionsPerEndpoint distinct TCP connections that sent requests to each path: for the token and user
 *                       info paths, these are Keycloak's back-channel connections (pool reuse shows here)
 */
public record Stats(Map<String, Long> perEndpoint, long tcpConnections, Map<String, Long> codeUses,
                    Map<String, Long> connectionsPerEndpoint) {

    public Stats {
        perEndpoint = Map.copyOf(perEndpoint);
        codeUses = Map.copyOf(codeUses);
        connectionsPerEndpoint = Map.copyOf(connectionsPerEndpoint);
    }

    /** Distinct TCP connections that sent requests to {@code path}. */
    public long tcpConnections(String path) {
        return connectionsPerEndpoint.getOrDefault(path, 0L);
    }

    /** How many token requests presented this code. */
    public long tokenRequestsFor(String code) {
        return codeUses.getOrDefault(code, 0L);
    }

    public long requests(String path) {
        return perEndpoint.getOrDefault(path, 0L);
    }

    public long totalRequests() {
        return perEndpoint.values().stream().mapToLong(Long::longValue).sum();
    }

    public long authorizeRequests() { return requests(SsoPaths.AUTHORIZE); }
    public long loginRequests() { return requests(SsoPaths.LOGIN); }
    public long tokenRequests() { return requests(SsoPaths.TOKEN); }
    public long userinfoRequests() { return requests(SsoPaths.USERINFO); }
    public long profileRequests() { return requests(SsoPaths.PROFILE); }
    public long apiRequests() { return requests(SsoPaths.API_ME); }
    public long logoutRequests() { return requests(SsoPaths.LOGOUT); }
    public long jwksRequests() { return requests(SsoPaths.JWKS); }
}
