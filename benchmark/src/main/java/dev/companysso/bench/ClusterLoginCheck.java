package dev.companysso.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.companysso.testing.BrowserSession;
import dev.companysso.testing.Page;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Cross-node brokered logins on a two-node Keycloak cluster, at the HTTP level. Both nodes have the same public
 * URL ({@code --front}, Keycloak's {@code --hostname}), as behind a load balancer, and this check plays the load
 * balancer: it sends each request for the public URL to the node it chooses. Each login starts on node A (the
 * app's authorization URL, Keycloak's login page, the identity provider's link: the authentication session, with
 * the PKCE verifier as a client note, is created on A), signs in at the simulated SSO, and the SSO's redirect back
 * to Keycloak's broker endpoint — and every request after it — goes to node B (same host 127.0.0.1, so the same
 * cookies). B must finish the login — exchange the code with the SSO using A's PKCE verifier, create or update
 * the user — and redirect to the app with a code, which is then exchanged at node A.
 *
 * <p>Why one public URL: with per-node URLs ({@code --hostname-strict=false}) node B would send the SSO its own
 * broker URL as the token request's {@code redirect_uri}, which differs from the one A sent to the authorization
 * endpoint, and an SSO that checks it (as it should) refuses the code.
 *
 * <p>{@code --kill-pid P}: afterwards, a login is left in the middle on A (at the SSO's form), node A (pid P, a
 * process the calling script started) is killed, and the same browser starts again on B and must finish there.
 *
 * <p>Arguments: {@code --front URL --a URL --b URL --idp ALIAS --count N --first-user N [--kill-pid P]}. Exit code 0 only
 * when every login succeeded.
 */
public final class ClusterLoginCheck {

    static final String REALM = "bench";
    static final String CLIENT = "bench-app";
    static final String SECRET = "bench-app-secret";
    static final String REDIRECT = "http://127.0.0.1:9/bench/callback";
    static final ObjectMapper JSON = new ObjectMapper();

    private final String front;
    private final String a;
    private final String b;
    private final String idp;

    ClusterLoginCheck(String front, String a, String b, String idp) {
        this.front = front;
        this.a = a;
        this.b = b;
        this.idp = idp;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        ClusterLoginCheck check = new ClusterLoginCheck(o.get("front"), o.get("a"), o.get("b"), o.getOrDefault("idp", "company-sso-plain"));
        int count = Integer.parseInt(o.getOrDefault("count", "20"));
        long firstUser = Long.parseLong(o.getOrDefault("first-user", "500000"));
        boolean ok = check.crossNode(count, firstUser);
        if (o.containsKey("kill-pid")) {
            ok &= check.killTest(Long.parseLong(o.get("kill-pid")), firstUser + count + 1000);
        }
        System.out.println(ok ? "CLUSTER CHECK PASSED" : "CLUSTER CHECK FAILED");
        System.exit(ok ? 0 : 1);
    }

    // ------------------------------------------------------------------ A -> B logins

    boolean crossNode(int count, long firstUser) {
        int passed = 0;
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            // Even: a new user (first login, user created on B); odd: the previous user again (returning login).
            String username = "user" + (firstUser + i - (i % 2));
            try {
                String code = loginAcrossNodes(new BrowserSession(), username);
                JsonNode tokens = exchangeCode(a, code);
                String preferred = claims(tokens.path("id_token").asText()).path("preferred_username").asText();
                if (!preferred.equals(username)) {
                    throw new AssertionError("ID token is for '" + preferred + "', expected " + username);
                }
                passed++;
            } catch (RuntimeException | AssertionError e) {
                failures.add("login " + (i + 1) + " (" + username + "): " + e.getMessage());
            }
        }
        System.out.printf("Cross-node logins (start on A, SSO callback on B, code exchanged on A): %d/%d succeeded "
                + "in %.1f s%n", passed, count, (System.nanoTime() - t0) / 1e9);
        failures.stream().limit(10).forEach(f -> System.out.println("  FAILED " + f));
        return passed == count;
    }

    /** One login started on A and finished on B; returns the app's code. */
    String loginAcrossNodes(BrowserSession browser, String username) {
        Page ssoForm = openSsoForm(browser, a);
        Page callback = browser.submit(ssoForm, "#sso-login",
                Map.of("username", username, "password", username + "-pass"), loc -> loc.startsWith(front + "/"));
        String toKeycloak = callback.location().orElseThrow(() -> new AssertionError(
                "the SSO did not redirect back to Keycloak: " + callback.status() + " " + abbreviate(callback.text())));
        if (!toKeycloak.startsWith(front + "/realms/" + REALM + "/broker/" + idp + "/endpoint")) {
            throw new AssertionError("unexpected SSO redirect " + toKeycloak);
        }
        Page last = go(browser, toKeycloak, b, loc -> loc.startsWith(REDIRECT));
        String location = last.location().orElse("");
        if (!location.startsWith(REDIRECT)) {
            throw new AssertionError("no redirect to the app; stopped at " + last.uri() + " (" + last.status() + "): "
                    + abbreviate(last.text()));
        }
        return last.locationParam("code").orElseThrow(() -> new AssertionError("no code in " + location));
    }

    /** The app's authorization URL on {@code node}, Keycloak's login page, the IdP link: the SSO's login form. */
    Page openSsoForm(BrowserSession browser, String node) {
        Page login = go(browser, authorizationUrl(front), node, loc -> loc.startsWith(REDIRECT));
        Element button = login.document().selectFirst("a#social-" + idp);
        if (button == null) {
            throw new AssertionError("no '" + idp + "' link on " + login.uri() + " (" + login.status() + "): "
                    + abbreviate(login.text()));
        }
        Page form = go(browser, button.absUrl("href"), node, loc -> false);
        if (form.status() != 200 || form.document().selectFirst("#sso-login") == null) {
            throw new AssertionError("no SSO login form at " + form.uri() + " (" + form.status() + ")");
        }
        return form;
    }

    /** GET and follow redirects, sending every request for the public URL to {@code node} (the load balancer). */
    Page go(BrowserSession browser, String url, String node, Predicate<String> stopAt) {
        Page page = browser.get(route(url, node));
        for (int hop = 0; hop < 20 && page.isRedirect(); hop++) {
            String next = page.location().orElseThrow();
            if (stopAt.test(next)) {
                return page;
            }
            page = browser.get(route(next, node));
        }
        return page;
    }

    String route(String url, String node) {
        if (url.startsWith(front + "/")) {
            return node + url.substring(front.length());
        }
        if (url.startsWith(a + "/") && !node.equals(a)) {
            throw new AssertionError("a node's own URL leaked instead of the public URL: " + url);
        }
        return url;
    }

    // ------------------------------------------------------------------ kill test

    boolean killTest(long pidOfA, long userNumber) throws InterruptedException {
        String username = "user" + userNumber;
        BrowserSession browser = new BrowserSession();
        // A login in the middle: authentication session on A, the user at the SSO's form.
        openSsoForm(browser, a);
        BrowserSession other = new BrowserSession();
        Page callback = other.submit(openSsoForm(other, a), "#sso-login",
                Map.of("username", username + "1", "password", username + "1-pass"), loc -> loc.startsWith(front + "/"));
        String pendingCallback = callback.location().orElse("");

        ProcessHandle nodeA = ProcessHandle.of(pidOfA).orElseThrow(() -> new AssertionError("no process " + pidOfA));
        System.out.println("Kill test: logins in the middle on node A; killing node A (pid " + pidOfA + ", SIGKILL)");
        nodeA.destroyForcibly();
        nodeA.onExit().join();
        boolean dead = !nodeA.isAlive() && !reachable(a);

        // The user starts again — same browser, same cookies — and must finish on node B.
        boolean restarted;
        String detail;
        try {
            Page formOnB = openSsoForm(browser, b);
            Page back = browser.submit(formOnB, "#sso-login", Map.of("username", username, "password", username + "-pass"),
                    loc -> loc.startsWith(front + "/"));
            Page last = go(browser, back.location().orElseThrow(() -> new AssertionError(
                    "the SSO did not redirect back: " + abbreviate(back.text()))), b, loc -> loc.startsWith(REDIRECT));
            String code = last.locationParam("code").orElseThrow(() -> new AssertionError(
                    "no code: stopped at " + last.uri() + " (" + last.status() + "): " + abbreviate(last.text())));
            JsonNode tokens = exchangeCode(b, code);
            restarted = username.equals(claims(tokens.path("id_token").asText()).path("preferred_username").asText());
            detail = restarted ? "login finished on B, code exchanged on B" : "wrong user in the ID token";
        } catch (RuntimeException | AssertionError e) {
            restarted = false;
            detail = e.getMessage();
        }
        System.out.println("Kill test: node A's JVM gone and its port closed: " + dead + "; the user started again on node B: "
                + (restarted ? "OK" : "FAILED") + " (" + detail + ")");

        // For information: a login whose SSO callback was already under way when A died, sent to B.
        String info;
        try {
            Page resumed = go(other, pendingCallback, b, loc -> loc.startsWith(REDIRECT));
            info = resumed.location().filter(l -> l.startsWith(REDIRECT) && l.contains("code=")).isPresent()
                    ? "finished on B (the authentication session had been replicated to B)"
                    : "did not finish (" + resumed.status() + ": " + abbreviate(resumed.text()) + ") — the user starts again";
        } catch (RuntimeException | AssertionError e) {
            info = "did not finish (" + e.getMessage() + ") — the user starts again";
        }
        System.out.println("Kill test (information): the interrupted login's SSO callback sent to B " + info);
        return dead && restarted;
    }

    // ------------------------------------------------------------------ helpers

    static boolean reachable(String node) {
        URI uri = URI.create(node);
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static String authorizationUrl(String node) {
        return node + "/realms/" + REALM + "/protocol/openid-connect/auth?client_id=" + CLIENT
                + "&response_type=code&scope=openid&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + "&state=" + UUID.randomUUID() + "&nonce=" + UUID.randomUUID();
    }

    static JsonNode exchangeCode(String node, String code) {
        String form = "grant_type=authorization_code&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + "&client_id=" + CLIENT + "&client_secret=" + SECRET;
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(URI.create(node + "/realms/" + REALM + "/protocol/openid-connect/token"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("code exchange at " + node + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("code exchange at " + node + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode claims(String jwt) {
        try {
            String[] parts = jwt.split("\\.");
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
        } catch (Exception e) {
            throw new AssertionError("not a JWT: " + e);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
