package dev.companysso.simulator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulated company SSO: a not-quite-standard OAuth2 server whose quirks are switched by a {@link Dialect}.
 * Start with {@link #start(int)}, point a client at {@link #authorizeUrl()} / {@link #tokenUrl()} /
 * {@link #userinfoUrl()}, and inspect {@link #requests()} and {@link #stats()} afterwards.
 */
public final class CompanySsoSimulator implements AutoCloseable {

    public static final String DEFAULT_CLIENT_ID = "aaa";
    public static final String DEFAULT_CLIENT_SECRET = "bbb";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8090;
    private static final int THREADS = 8;

    static {
        // The JDK server writes headers and body separately; with Nagle on, every answer then waits ~40 ms for
        // the client's delayed ACK. Only affects com.sun.net.httpserver, and only if nobody chose otherwise.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final AtomicReference<Dialect> dialect = new AtomicReference<>(Dialect.seed());
    private final UserDirectory users = new UserDirectory();
    private final TokenStore tokens = new TokenStore();
    private final RequestLog log = new RequestLog();
    private final FaultSwitch faults = new FaultSwitch();
    private final JwtSigner signer = new JwtSigner();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String clientId = DEFAULT_CLIENT_ID;
    private volatile String clientSecret = DEFAULT_CLIENT_SECRET;
    private volatile java.security.PublicKey clientPublicKey;
    private final java.util.Map<String, String> refusals = new java.util.concurrent.ConcurrentHashMap<>();

    private volatile int backChannelLatencyMs;

    private CompanySsoSimulator(String bindHost, int port, int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bindHost), port), 256);
        executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", new Router(this));
        server.start();
        baseUrl = "http://" + urlHost(bindHost) + ":" + server.getAddress().getPort();
    }

    /** Starts on 127.0.0.1; {@code port} 0 picks a free port. */
    public static CompanySsoSimulator start(int port) {
        return start(DEFAULT_HOST, port);
    }

    /** Starts on the given interface ("0.0.0.0" for all); {@code port} 0 picks a free port. */
    public static CompanySsoSimulator start(String bindHost, int port) {
        return start(bindHost, port, THREADS);
    }

    /** As {@link #start(String, int)}, with {@code threads} server threads (more for load with latency). */
    public static CompanySsoSimulator start(String bindHost, int port, int threads) {
        try {
            return new CompanySsoSimulator(bindHost, port, threads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the SSO simulator on " + bindHost + ":" + port, e);
        }
    }

    // ---------------------------------------------------------------- lifecycle

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops the server at once (well under a second). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- configuration

    public UserDirectory users() {
        return users;
    }

    public Dialect dialect() {
        return dialect.get();
    }

    /** Atomically replaces the dialect; requests already being handled finish under the old one. */
    public void dialect(Dialect d) {
        dialect.set(Objects.requireNonNull(d, "dialect"));
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** Replaces the registered client (until {@link #reset()}). */
    public void client(String id, String secret) {
        this.clientId = Objects.requireNonNull(id, "id");
        this.clientSecret = Objects.requireNonNull(secret, "secret");
    }

    /** The client's public key for private_key_jwt client authentication ({@link Dialect.ClientAuth#JWT}); null: none. */
    public java.security.PublicKey clientPublicKey() {
        return clientPublicKey;
    }

    /** Registers the client's public key for RS256 client assertions (until {@link #reset()}). */
    public void clientPublicKey(java.security.PublicKey key) {
        this.clientPublicKey = key;
    }

    /**
     * Makes the endpoint at {@code path} (token, userinfo or profile) refuse every otherwise valid request with
     * {@code message} as the SSO's error text, in the dialect's error form (with an envelope: HTTP 200 and the
     * envelope's error); null stops refusing. Until {@link #reset()}.
     */
    public void refuse(String path, String message) {
        if (message == null) {
            refusals.remove(path);
        } else {
            refusals.put(path, message);
        }
    }

    /** The refusal message set for {@code path}, or null. */
    String refusal(String path) {
        return refusals.get(path);
    }

    /** The uuid the authorize URL must carry: the dialect's, or the seed's when the dialect needs none. */
    public String uuid() {
        String required = dialect().requiredUuid();
        return required != null ? required : Dialect.SEED_UUID;
    }

    /** The fault switches: make the token or user info endpoint misbehave (until {@link #reset()}). */
    public FaultSwitch faults() {
        return faults;
    }

    /**
     * Simulated latency: every request to the token, user info and profile endpoints (the calls Keycloak makes
     * server to server, on its worker threads) is answered {@code ms} milliseconds late. 0 (the default): none.
     */
    public void backChannelLatency(int ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("latency must be >= 0");
        }
        this.backChannelLatencyMs = ms;
    }

    public int backChannelLatency() {
        return backChannelLatencyMs;
    }

    /** Off: {@link #requests()} stays empty and only {@link #stats()} counts (long load runs). */
    public void keepRequests(boolean keep) {
        log.keepRequests(keep);
    }

    /** Forgets recorded requests and stats only (configuration and tokens stay). */
    public void resetStats() {
        log.clear();
    }

    /** Default dialect and users, seed client, no faults, no latency; forgets codes, tokens, recorded requests and stats. */
    public void reset() {
        dialect.set(Dialect.seed());
        faults.clear();
        users.resetToDefaults();
        clientId = DEFAULT_CLIENT_ID;
        clientSecret = DEFAULT_CLIENT_SECRET;
        clientPublicKey = null;
        refusals.clear();
        backChannelLatencyMs = 0;
        tokens.clear();
        log.clear();
    }

    /** Makes every access token issued so far expired (refresh tokens stay valid). */
    public void expireAllAccessTokens() {
        tokens.expireAllAccessTokens();
    }

    /** Makes every outstanding authorization code expired. */
    public void expireAllCodes() {
        tokens.expireAllCodes();
    }

    /** Revokes every access and refresh token of the user. */
    public void revokeTokensOf(String username) {
        tokens.revokeUser(username);
    }

    /** The key JWT userinfo answers are signed with (one per JVM; also published at {@link #jwksUrl()}). */
    public RSAPublicKey signingKey() {
        return signer.publicKey();
    }

    /** The kid of {@link #signingKey()}. */
    public String signingKeyId() {
        return signer.kid();
    }

    // ---------------------------------------------------------------- observation

    /** Every request received since start or the last reset, oldest first. */
    public List<RecordedRequest> requests() {
        return log.all();
    }

    /** The requests to one path, e.g. {@code requests(SsoPaths.TOKEN)}. */
    public List<RecordedRequest> requests(String path) {
        return log.byPath(path);
    }

    public Stats stats() {
        return log.stats();
    }

    // ---------------------------------------------------------------- URLs

    /** The authorize endpoint, with {@code ?uuid=...} when the dialect requires it. */
    public String authorizeUrl() {
        String uuid = dialect().requiredUuid();
        return baseUrl + SsoPaths.AUTHORIZE + (uuid == null ? "" : "?uuid=" + FormCodec.encode(uuid));
    }

    public String tokenUrl() { return baseUrl + SsoPaths.TOKEN; }
    public String userinfoUrl() { return baseUrl + SsoPaths.USERINFO; }
    public String profileUrl() { return baseUrl + SsoPaths.PROFILE; }
    public String jwksUrl() { return baseUrl + SsoPaths.JWKS; }
    public String apiUrl() { return baseUrl + SsoPaths.API_ME; }
    /** A stand-in application page (not part of the SSO) that OIDC clients can use as their redirect URI. */
    public String appCallbackUrl() { return baseUrl + SsoPaths.APP_CALLBACK; }
    public String logoutUrl() { return baseUrl + SsoPaths.LOGOUT; }

    // ---------------------------------------------------------------- internals for the endpoints

    TokenStore tokens() {
        return tokens;
    }

    JwtSigner signer() {
        return signer;
    }

    RequestLog log() {
        return log;
    }

    private static String urlHost(String bindHost) {
        if (bindHost == null || bindHost.isBlank() || bindHost.equals("0.0.0.0") || bindHost.equals("::")
                || bindHost.equals("[::]")) {
            return DEFAULT_HOST;
        }
        return bindHost.contains(":") && !bindHost.startsWith("[") ? "[" + bindHost + "]" : bindHost;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "company-sso-simulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // ---------------------------------------------------------------- command line

    /**
     * {@code --port 8090 --host 127.0.0.1 --dialect seed|plain|envelope|wechat|feishu}; runs until killed.
     * For load: {@code --threads N}, {@code --latency-ms N} (back-channel latency), {@code --generate-users}
     * (any {@code userN} / {@code userN-pass}), {@code --no-request-log} (count only). {@code GET /__sim/stats}
     * answers the counters as JSON; {@code POST /__sim/reset-stats} and {@code POST /__sim/latency?ms=N} control
     * a running simulator.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = DEFAULT_PORT;
        String host = DEFAULT_HOST;
        String dialectName = "seed";
        int threads = THREADS;
        int latencyMs = 0;
        boolean generateUsers = false;
        boolean keepRequests = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--port" -> { port = Integer.parseInt(require(arg, value)); i++; }
                case "--host" -> { host = require(arg, value); i++; }
                case "--dialect" -> { dialectName = require(arg, value); i++; }
                case "--threads" -> { threads = Integer.parseInt(require(arg, value)); i++; }
                case "--latency-ms" -> { latencyMs = Integer.parseInt(require(arg, value)); i++; }
                case "--generate-users" -> generateUsers = true;
                case "--no-request-log" -> keepRequests = false;
                case "-h", "--help" -> {
                    System.out.println("usage: CompanySsoSimulator [--port 8090] [--host 127.0.0.1] "
                            + "[--dialect seed|plain|envelope|wechat|feishu] [--threads 8] [--latency-ms 0] "
                            + "[--generate-users] [--no-request-log]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        Dialect dialect = Dialect.byName(dialectName);
        CompanySsoSimulator sim = start(host, port, threads);
        sim.dialect(dialect);
        sim.backChannelLatency(latencyMs);
        sim.users().generateOnDemand(generateUsers);
        sim.keepRequests(keepRequests);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "company-sso-simulator-shutdown"));
        System.out.println(sim.describe());
        stopped.await();
    }

    /** A human-readable summary: URLs, client, uuid, users. */
    public String describe() {
        Dialect d = dialect();
        StringBuilder sb = new StringBuilder();
        sb.append("Company SSO simulator (dialect: ").append(d.name()).append(") at ").append(baseUrl).append('\n')
                .append("  authorize : ").append(authorizeUrl()).append('\n')
                .append("  token     : ").append(tokenUrl()).append('\n')
                .append("  userinfo  : ").append(userinfoUrl()).append('\n')
                .append("  profile   : ").append(profileUrl()).append('\n')
                .append("  jwks      : ").append(jwksUrl()).append('\n')
                .append("  api       : ").append(apiUrl()).append('\n')
                .append("  logout    : ").append(logoutUrl()).append('\n')
                .append("  client id : ").append(clientId).append("  (authorize parameter '")
                .append(d.clientIdParam()).append("')\n")
                .append("  secret    : ").append(clientSecret).append('\n')
                .append("  uuid      : ").append(uuid()).append(d.requiredUuid() == null ? " (not required)" : "")
                .append('\n')
                .append("  scope     : ").append(d.requiredScope() == null ? "(not checked)" : d.requiredScope())
                .append('\n')
                .append("  users:\n");
        for (SimUser u : users.all()) {
            sb.append("    ").append(u.getUsername()).append(" / ").append(u.getPassword())
                    .append("  (id ").append(u.getId()).append(", ").append(u.getEmail())
                    .append(", roles ").append(u.getRoles()).append(")\n");
        }
        return sb.toString();
    }

    private static String require(String arg, String value) {
        if (value == null) {
            throw new IllegalArgumentException(arg + " needs a value");
        }
        return value;
    }
}
