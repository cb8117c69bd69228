package dev.companysso.keycloak.upstream;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import dev.companysso.keycloak.config.CompanySsoConfig;
import dev.companysso.keycloak.config.Setting;
import dev.companysso.keycloak.error.UpstreamCall;
import dev.companysso.keycloak.error.UpstreamException;
import dev.companysso.keycloak.error.UpstreamFailure;
import dev.companysso.keycloak.log.Redactor;
import dev.companysso.keycloak.response.UpstreamAnswer;

import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectTimeoutException;
import org.jboss.logging.Logger;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;

/**
 * The only place that talks HTTP to the SSO. Uses Keycloak's shared client (pool, proxy and TLS settings) with
 * this provider's own timeouts and size cap, always closes the response, never retries, and turns every
 * transport problem into a typed {@link UpstreamException} whose detail carries no body, token or secret.
 *
 * <p>With DEBUG logging for {@code dev.companysso} every exchange is logged: method, URL and parameters, status,
 * content type and an excerpt of the answer, all passed through {@link Redactor} (no secret, code or token).
 */
public final class UpstreamHttp {

    private static final Logger LOG = Logger.getLogger(UpstreamHttp.class);
    /** Characters of an answer shown in the debug log. */
    static final int LOGGED_BODY_CHARS = 500;

    private final SimpleHttp http;
    private final String alias;
    /**
     * The HTTP method of each request made here, for the debug log: {@code SimpleHttpRequest.getMethod()} only
     * exists from Keycloak 26.7 on, and this jar also runs on 26.5 (README, Compatibility).
     */
    private final Map<SimpleHttpRequest, String> methods = Collections.synchronizedMap(new WeakHashMap<>());

    public UpstreamHttp(KeycloakSession session, CompanySsoConfig config) {
        this.alias = config.getAlias();
        int connectTimeout = config.getInt(Setting.CONNECT_TIMEOUT_MILLIS);
        RequestConfig requestConfig = RequestConfig.custom()
                .setConnectTimeout(connectTimeout)
                .setConnectionRequestTimeout(connectTimeout)
                .setSocketTimeout(config.getInt(Setting.READ_TIMEOUT_MILLIS))
                .build();
        this.http = SimpleHttp.create(session)
                .withRequestConfig(requestConfig)
                .withMaxConsumedResponseSize(config.getInt(Setting.MAX_RESPONSE_BYTES));
    }

    public SimpleHttpRequest get(String url) {
        SimpleHttpRequest request = http.doGet(url);
        methods.put(request, "GET");
        return request;
    }

    public SimpleHttpRequest post(String url) {
        SimpleHttpRequest request = http.doPost(url);
        methods.put(request, "POST");
        return request;
    }

    /** Sends the request once and reads the whole answer; the response is closed before this returns. */
    public UpstreamAnswer execute(UpstreamCall call, SimpleHttpRequest request) {
        boolean debug = LOG.isDebugEnabled();
        long start = System.nanoTime();
        if (debug) {
            logRequest(call, request);
        }
        try {
            UpstreamAnswer answer = send(call, request);
            if (debug) {
                LOG.debugf("Company SSO '%s': %s <- HTTP %d, %s, %d chars in %d ms: %s", alias, call.label(),
                        answer.status(), answer.contentType(), answer.body() == null ? 0 : answer.body().length(),
                        elapsedMillis(start), Redactor.body(answer.body(), LOGGED_BODY_CHARS, secretsOf(request)));
            }
            return answer;
        } catch (UpstreamException e) {
            if (debug) {
                LOG.debugf("Company SSO '%s': %s failed after %d ms: %s (%s)", alias, call.label(), elapsedMillis(start),
                        e.failure().eventReason(), e.detail());
            }
            throw e;
        }
    }

    private UpstreamAnswer send(UpstreamCall call, SimpleHttpRequest request) {
        try (SimpleHttpResponse response = request.asResponse()) {
            int status = response.getStatus();
            String body = response.asString();
            String contentType = response.getFirstHeader("Content-Type");
            return new UpstreamAnswer(status, contentType, body);
        } catch (ConnectTimeoutException | SocketTimeoutException e) {
            throw new UpstreamException(UpstreamFailure.TIMEOUT, call.label() + " timed out");
        } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
            throw new UpstreamException(UpstreamFailure.UNREACHABLE, call.label() + ": cannot connect to the SSO");
        } catch (InterruptedIOException e) {
            throw new UpstreamException(UpstreamFailure.TIMEOUT, call.label() + " was interrupted");
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("max bytes to be consumed")) {
                throw new UpstreamException(UpstreamFailure.TOO_LARGE, call.label() + ": answer larger than the configured maximum");
            }
            throw new UpstreamException(UpstreamFailure.UNREACHABLE, call.label() + ": " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            // e.g. a URL the HTTP client cannot parse; keep the message out (it may echo the URL with a token)
            throw new UpstreamException(UpstreamFailure.UNREACHABLE, call.label() + ": " + e.getClass().getSimpleName());
        }
    }

    private void logRequest(UpstreamCall call, SimpleHttpRequest request) {
        String params = Redactor.params(request.getParams());
        if (params.isEmpty() && request.getEntity() instanceof Map<?, ?> json) {
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            json.forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
            params = Redactor.params(fields);
        }
        LOG.debugf("Company SSO '%s': %s -> %s %s%s, headers %s", alias, call.label(), methods.getOrDefault(request, "?"),
                Redactor.url(request.getUrl()), params.isEmpty() ? "" : " [" + params + "]",
                request.getHeaders() == null ? "[]" : request.getHeaders().keySet());
    }

    /** Values this request carries under sensitive names: if the SSO echoes one, it is masked in the log too. */
    private static List<String> secretsOf(SimpleHttpRequest request) {
        List<String> secrets = new ArrayList<>();
        collect(secrets, request.getParams());
        collect(secrets, request.getHeaders());
        if (request.getEntity() instanceof Map<?, ?> json) {
            json.forEach((k, v) -> {
                if (Redactor.isSensitive(String.valueOf(k)) && v != null) {
                    secrets.add(String.valueOf(v));
                }
            });
        }
        return secrets;
    }

    private static void collect(List<String> secrets, Map<String, String> values) {
        if (values == null) {
            return;
        }
        values.forEach((name, value) -> {
            if (Redactor.isSensitive(name) && value != null) {
                secrets.add(value);
                int space = value.indexOf(' ');
                if (space > 0) {
                    secrets.add(value.substring(space + 1)); // "Bearer <token>", "Basic <credentials>"
                }
            }
        });
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
