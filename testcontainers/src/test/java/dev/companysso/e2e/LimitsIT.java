package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.companysso.e2e.E2eSupport.Callback;
import dev.companysso.e2e.E2eSupport.Restore;
import dev.companysso.simulator.Fault;
import dev.companysso.simulator.FaultTarget;
import dev.companysso.simulator.SsoPaths;
import dev.companysso.simulator.Stats;
import dev.companysso.testing.BrowserSession;
import dev.companysso.testing.CompanySsoEnvironmentExtension;
import dev.companysso.testing.Page;
import dev.companysso.testing.TestEnvironment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.EventRepresentation;

/** Per-provider timeouts and size cap, no retries, and many failures in a row without harm. */
@ExtendWith(CompanySsoEnvironmentExtension.class)
class LimitsIT {

    private final TestEnvironment env;
    private final E2eSupport e2e;

    LimitsIT(TestEnvironment env) {
        this.env = env;
        this.e2e = new E2eSupport(env);
    }

    @BeforeEach
    void reset() {
        env.sso().reset();
        e2e.realm().clearEvents();
        e2e.realm().users().searchByUsername("bob", true).forEach(u -> e2e.realm().users().delete(u.getId()).close());
    }

    @Test
    void theConnectTimeoutIsThisProvidersOwn() throws IOException {
        // A server that never accepts, with its accept queue full: new connections hang in SYN.
        try (ServerSocket blackhole = new ServerSocket(0, 1)) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 16; i++) {
                    Socket s = new Socket();
                    fillers.add(s);
                    try {
                        s.connect(new InetSocketAddress("127.0.0.1", blackhole.getLocalPort()), 300);
                    } catch (SocketTimeoutException full) {
                        break;
                    }
                }
                String url = "http://127.0.0.1:" + blackhole.getLocalPort() + "/sso/oauth/token";
                try (Restore ignored = e2e.reconfigure(c -> {
                    c.put("tokenUrl", url);
                    c.put("connectTimeoutMillis", "700");
                })) {
                    long start = System.nanoTime();
                    Page page = env.app().loginThroughSso(env.newBrowser(), "bob", "bob-pass");
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    E2eSupport.assertCleanPage(page);
                    assertThat(page.status()).isEqualTo(502);
                    assertThat(reasons()).singleElement().asString().startsWith("sso_timeout: token request timed out");
                    assertThat(millis).as("cut off by the 700 ms connect timeout").isLessThan(2500);
                }
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
        e2e.assertGoodLogin("zhangsan", "zhangsan-pass");
    }

    @Test
    void theReadTimeoutIsThisProvidersOwnAndATimedOutExchangeIsNotRetried() throws InterruptedException {
        try (Restore ignored = e2e.reconfigure(c -> c.put("readTimeoutMillis", "1000"))) {
            env.sso().faults().always(FaultTarget.TOKEN, Fault.delay(Duration.ofMillis(3000)));
            Callback callback = e2e.signInUntilCallback(env.newBrowser(), "bob", "bob-pass");
            long start = System.nanoTime();
            Page page = E2eSupport.deliver(callback.browser(), callback.url());
            long millis = (System.nanoTime() - start) / 1_000_000;
            E2eSupport.assertCleanPage(page, callback.code());
            assertThat(page.status()).isEqualTo(502);
            assertThat(millis).isBetween(900L, 2500L);
            assertThat(reasons()).singleElement().asString().startsWith("sso_timeout");
            Thread.sleep(3000); // anything Keycloak might still send would have arrived by now
            assertThat(env.sso().stats().tokenRequestsFor(callback.code())).isEqualTo(1);
        }
        env.sso().faults().clear();
        e2e.assertGoodLogin("zhangsan", "zhangsan-pass");
    }

    @Test
    void theAnswerSizeCapIsThisProvidersOwn() {
        env.sso().users().update("bob", u -> u.getExtra().put("bio", "b".repeat(5000)));
        try (Restore ignored = e2e.reconfigure(c -> c.put("maxResponseBytes", "4000"))) {
            Page page = env.app().loginThroughSso(env.newBrowser(), "bob", "bob-pass");
            E2eSupport.assertCleanPage(page);
            assertThat(page.status()).isEqualTo(502);
            assertThat(reasons()).singleElement().asString().startsWith("sso_response_too_large: user info request");
        }
        // The same answer under the default cap (1 MB) is fine.
        e2e.assertGoodLogin("bob", "bob-pass");
    }

    @Test
    void theCodeExchangeIsNeverRetried() {
        for (Fault fault : List.of(Fault.HTTP_5XX, Fault.HTML_ERROR_PAGE, Fault.EMPTY_BODY, Fault.MALFORMED_JSON,
                Fault.HUGE_BODY, Fault.INVALID_UTF8)) {
            env.sso().faults().next(FaultTarget.TOKEN, fault);
            Callback callback = e2e.signInUntilCallback(env.newBrowser(), "bob", "bob-pass");
            Page page = E2eSupport.deliver(callback.browser(), callback.url());
            assertThat(page.status()).as(fault.toString()).isEqualTo(502);
            assertThat(env.sso().stats().tokenRequestsFor(callback.code())).as(fault.toString()).isEqualTo(1);
        }
        assertThat(env.sso().stats().tokenRequests()).isEqualTo(6);
    }

    @Test
    void fiveHundredFailedLoginsInARowHarmNothing() throws Exception {
        env.sso().faults().always(FaultTarget.USERINFO, Fault.HTTP_5XX);
        int target = 500;
        int threads = 4;
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                BrowserSession browser = env.newBrowser();
                while (done.get() < target && System.nanoTime() < deadline) {
                    Page page = env.app().loginThroughSso(browser, "bob", "bob-pass");
                    if (page.status() != 502) {
                        unexpected.incrementAndGet();
                    }
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        long failedRunMillis = (System.nanoTime() - start) / 1_000_000;
        Stats stats = env.sso().stats();

        env.sso().faults().clear();
        long goodLoginMillis = e2e.assertGoodLogin("zhangsan", "zhangsan-pass");

        String figures = String.format("%d failed logins with %d threads in %d ms; next good login %d ms; "
                        + "Keycloak->SSO TCP connections: token %d, userinfo %d (requests: token %d, userinfo %d)%n",
                done.get(), threads, failedRunMillis, goodLoginMillis, stats.tcpConnections(SsoPaths.TOKEN),
                stats.tcpConnections(SsoPaths.USERINFO), stats.tokenRequests(), stats.userinfoRequests());
        System.out.print(figures);
        Path report = Paths.get(System.getProperty("test.artifacts.dir", "target/test-artifacts"), "five-hundred-failures.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, figures);

        assertThat(done.get()).as("the run is bounded to 4 minutes").isGreaterThanOrEqualTo(target);
        assertThat(unexpected.get()).isZero();
        assertThat(stats.userinfoRequests()).isGreaterThanOrEqualTo(target);
        assertThat(goodLoginMillis).as("the next good login is prompt").isLessThan(5000);
        // Pooled, reused connections: a leak would show one connection (or more) per failed login.
        assertThat(stats.tcpConnections(SsoPaths.USERINFO)).isLessThan(50);
        assertThat(stats.tcpConnections(SsoPaths.TOKEN)).isLessThan(50);
        assertThat(e2e.realm().users().searchByUsername("bob", true)).isEmpty();
    }

    private List<String> reasons() {
        return e2e.events("IDENTITY_PROVIDER_LOGIN_ERROR").stream().map(EventRepresentation::getDetails)
                .map(d -> d == null ? "" : d.get("reason")).toList();
    }
}
