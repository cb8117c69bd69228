package dev.companysso.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request the simulator received.
 *
 * @param headers header names in lower case
 * @param form    the parsed body when it was form-encoded, else empty
 * @param json    the parsed body when it was JSON, else null
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> query,
                              Map<String, List<String>> headers, String body, Map<String, List<String>> form,
                              JsonNode json) {

    /** First value of a query parameter, or null. */
    public String queryParam(String name) {
        return first(query, name);
    }

    /** First value of a form parameter, or null. */
    public String formParam(String name) {
        return first(form, name);
    }

    /** First value of a header (any case), or null. */
    public String header(String name) {
        return first(headers, name.toLowerCase(Locale.ROOT));
    }

    /** Query parameter, else form parameter, else null. */
    public String param(String name) {
        String q = queryParam(name);
        return q != null ? q : formParam(name);
    }

    /** The media type of the body without parameters, lower case ("" when none). */
    public String contentType() {
        String ct = header("content-type");
        if (ct == null) {
            return "";
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    private static String first(Map<String, List<String>> map, String name) {
        List<String> values = map == null ? null : map.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query)
                + (body == null || body.isEmpty() ? "" : " body=" + body);
    }
}
