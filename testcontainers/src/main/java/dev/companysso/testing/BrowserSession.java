package dev.companysso.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jsoup.nodes.Element;

/**
 * A browser-like HTTP client for end-to-end tests: a cookie store, redirects followed one hop at a time (so a test
 * can stop at an app's redirect URI), and HTML forms submitted with their hidden fields.
 *
 * <p>The cookie store is deliberately simple (by host, ignoring path and the Secure flag): Keycloak marks its
 * cookies Secure even on plain http, which real browsers accept on 127.0.0.1 but Java's CookieManager drops.
 */
public final class BrowserSession {

    private static final int MAX_REDIRECTS = 20;

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, Map<String, String>> cookiesByHost = new ConcurrentHashMap<>();
    private String acceptLanguage = "en";

    /** One GET, no redirect followed. */
    public Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** GET and follow redirects until a page is not a redirect, or the next hop matches {@code stopAt}. */
    public Page follow(String url, Predicate<String> stopAt) {
        return followFrom(get(url), stopAt);
    }

    public Page follow(String url) {
        return follow(url, location -> false);
    }

    /** Fills the form found by the CSS selector (keeping its hidden fields), submits it and follows redirects. */
    public Page submit(Page page, String formSelector, Map<String, String> fields, Predicate<String> stopAt) {
        Element form = page.document().selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("No form '" + formSelector + "' on " + page.uri() + ":\n" + page.text());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            values.put(input.attr("name"), input.val());
        }
        values.putAll(fields);
        String action = form.absUrl("action").isEmpty() ? page.uri().toString() : form.absUrl("action");
        return followFrom(post(action, values), stopAt);
    }

    public Page post(String url, Map<String, String> formFields) {
        String body = formFields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page followFrom(Page page, Predicate<String> stopAt) {
        Page current = page;
        for (int hop = 0; hop < MAX_REDIRECTS && current.isRedirect(); hop++) {
            String next = current.location().orElseThrow();
            if (stopAt.test(next)) {
                return current;
            }
            current = get(next);
        }
        return current;
    }

    private Page send(HttpRequest.Builder builder) {
        HttpRequest draft = builder.build();
        URI uri = draft.uri();
        String cookies = cookieHeader(uri);
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies);
        }
        builder.header("Accept-Language", acceptLanguage);
        try {
            HttpResponse<String> response = client.send(builder.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            storeCookies(uri, response.headers().allValues("set-cookie"));
            return new Page(response.statusCode(), uri, response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException("GET/POST " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The browser's preferred language, e.g. "zh-CN", for localized pages. */
    public BrowserSession language(String languageTag) {
        this.acceptLanguage = languageTag;
        return this;
    }

    public Map<String, String> cookies(String host) {
        return Map.copyOf(cookiesByHost.getOrDefault(host, Map.of()));
    }

    private String cookieHeader(URI uri) {
        return cookiesByHost.getOrDefault(uri.getHost(), Map.of()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private void storeCookies(URI uri, List<String> setCookies) {
        Map<String, String> jar = cookiesByHost.computeIfAbsent(uri.getHost(), h -> new ConcurrentHashMap<>());
        for (String header : setCookies) {
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase();
                if (attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970")) {
                    expired = true;
                }
            }
            if (expired) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
