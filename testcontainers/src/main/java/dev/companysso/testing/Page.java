package dev.companysso.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** One HTTP answer as a browser saw it. */
public record Page(int status, URI uri, String body, Map<String, List<String>> headers) {

    public Document document() {
        return Jsoup.parse(body == null ? "" : body, uri.toString());
    }

    public Optional<String> location() {
        List<String> values = headers.get("location");
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(uri.resolve(values.get(0)).toString());
    }

    public boolean isRedirect() {
        return status >= 300 && status < 400 && location().isPresent();
    }

    /** A query parameter of the redirect target (e.g. the code an app receives). */
    public Optional<String> locationParam(String name) {
        return location().flatMap(location -> {
            String query = URI.create(location).getRawQuery();
            if (query == null) {
                return Optional.empty();
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                    return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return Optional.empty();
        });
    }

    /** The visible text of the page, for assertions on messages. */
    public String text() {
        return document().text();
    }
}
