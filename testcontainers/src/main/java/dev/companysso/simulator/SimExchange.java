package dev.companysso.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** One request being answered: the parsed request, the dialect in force, and response helpers. */
final class SimExchange {

    final HttpExchange http;
    final RecordedRequest request;
    final Dialect dialect;
    final CompanySsoSimulator sim;
    private boolean responded;

    SimExchange(HttpExchange http, RecordedRequest request, Dialect dialect, CompanySsoSimulator sim) {
        this.http = http;
        this.request = request;
        this.dialect = dialect;
        this.sim = sim;
    }

    boolean isMethod(String method) {
        return request.method().equalsIgnoreCase(method);
    }

    boolean responded() {
        return responded;
    }

    /** For answers written straight to {@link #http} (raw bytes). */
    void markResponded() {
        responded = true;
    }

    SimExchange header(String name, String value) {
        http.getResponseHeaders().add(name, value);
        return this;
    }

    void send(int status, String contentType, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            http.getResponseHeaders().set("Content-Type", contentType);
        }
        responded = true;
        if (bytes.length == 0) {
            http.sendResponseHeaders(status, -1);
            return;
        }
        http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    void json(int status, JsonNode body) throws IOException {
        send(status, "application/json;charset=UTF-8", Json.write(body));
    }

    void html(int status, String html) throws IOException {
        send(status, "text/html;charset=UTF-8", html);
    }

    void redirect(String location) throws IOException {
        header("Location", location);
        header("Cache-Control", "no-store");
        send(302, null, null);
    }
}
