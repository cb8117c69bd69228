package dev.companysso.simulator;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Records requests and keeps the {@link Stats} counters; thread-safe. */
final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Map<String, Long> perEndpoint = new TreeMap<>();
    private final Set<String> connections = new HashSet<>();
    private final Map<String, Long> codeUses = new TreeMap<>();
    private final Map<String, Set<String>> connectionsByPath = new TreeMap<>();

    private volatile boolean keepRequests = true;

    /** Off: only the counters are kept, not the requests themselves (long load runs). */
    void keepRequests(boolean keep) {
        this.keepRequests = keep;
    }

    synchronized void record(RecordedRequest request, InetSocketAddress remote) {
        if (keepRequests) {
            requests.add(request);
        }
        perEndpoint.merge(request.path(), 1L, Long::sum);
        if (remote != null) {
            String connection = remote.getAddress().getHostAddress() + ":" + remote.getPort();
            connections.add(connection);
            connectionsByPath.computeIfAbsent(request.path(), p -> new HashSet<>()).add(connection);
        }
    }

    /** A token request presented this authorization code (valid or not). */
    synchronized void countCodeUse(String code) {
        codeUses.merge(code, 1L, Long::sum);
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    synchronized List<RecordedRequest> byPath(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    synchronized Stats stats() {
        Map<String, Long> perPath = new TreeMap<>();
        connectionsByPath.forEach((path, set) -> perPath.put(path, (long) set.size()));
        return new Stats(perEndpoint, connections.size(), codeUses, perPath);
    }

    synchronized void clear() {
        requests.clear();
        perEndpoint.clear();
        connections.clear();
        codeUses.clear();
        connectionsByPath.clear();
    }
}
