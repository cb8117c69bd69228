package dev.companysso.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads an {@link HttpExchange} (always consuming the whole body) into a {@link RecordedRequest}. */
final class RequestReader {

    private RequestReader() {
    }

    static RecordedRequest read(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        String path = exchange.getRequestURI().getRawPath();
        path = path == null || path.isEmpty() ? "/" : FormCodec.decode(path.replace("+", "%2B"));
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Map<String, List<String>> query = FormCodec.parse(exchange.getRequestURI().getRawQuery());

        List<String> ct = headers.get("content-type");
        String contentType = ct == null || ct.isEmpty() ? "" : ct.get(0).toLowerCase(Locale.ROOT);
        Map<String, List<String>> form = contentType.startsWith("application/x-www-form-urlencoded")
                ? FormCodec.parse(body.trim()) : Map.of();
        JsonNode json = contentType.contains("json") ? Json.tryParse(body) : null;

        return new RecordedRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), path,
                FormCodec.freeze(query), FormCodec.freeze(headers), body, FormCodec.freeze(form), json);
    }
}
