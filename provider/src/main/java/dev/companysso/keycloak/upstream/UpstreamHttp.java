package dev.companysso.keycloak.upstream;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import dev.companysso.keycloak.config.CompanySsoConfig;
import dev.companysso.keycloak.config.Setting;
import dev.companysso.keycloak.error.UpstreamCall;
import dev.companysso.keycloak.error.UpstreamException;
import dev.companysso.keycloak.error.UpstreamFailure;
import dev.companysso.keycloak.response.UpstreamAnswer;

import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectTimeoutException;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;

/**
 * The only place that talks HTTP to the SSO. Uses Keycloak's shared client (pool, proxy and TLS settings) with
 * this provider's own timeouts and size cap, always closes the response, never retries, and turns every
 * transport problem into a typed {@link UpstreamException} whose detail carries no body, token or secret.
 */
public final class UpstreamHttp {

    private final SimpleHttp http;

    public UpstreamHttp(KeycloakSession session, CompanySsoConfig config) {
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
        return http.doGet(url);
    }

    public SimpleHttpRequest post(String url) {
        return http.doPost(url);
    }

    /** Sends the request once and reads the whole answer; the response is closed before this returns. */
    public UpstreamAnswer execute(UpstreamCall call, SimpleHttpRequest request) {
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
}
