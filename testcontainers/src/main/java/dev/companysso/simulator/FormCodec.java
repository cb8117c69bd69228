package dev.companysso.simulator;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** application/x-www-form-urlencoded encoding and decoding (also used for query strings). */
final class FormCodec {

    private FormCodec() {
    }

    /** Parses {@code a=1&b=2&a=3}; keeps order; values are decoded as UTF-8. */
    static Map<String, List<String>> parse(String encoded) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    /** An unmodifiable deep copy. */
    static Map<String, List<String>> freeze(Map<String, List<String>> map) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Encodes name/value pairs, skipping null values. */
    static String encode(Map<String, ?> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) {
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(encode(k)).append('=').append(encode(String.valueOf(v)));
            }
        });
        return sb.toString();
    }

    /** Appends the (non-null) params to {@code uri}'s query, dropping any fragment. */
    static String appendQuery(String uri, Map<String, ?> params) {
        int hash = uri.indexOf('#');
        String base = hash < 0 ? uri : uri.substring(0, hash);
        String query = encode(params);
        if (query.isEmpty()) {
            return base;
        }
        char sep = base.indexOf('?') < 0 ? '?' : (base.endsWith("?") || base.endsWith("&") ? 0 : '&');
        return sep == 0 ? base + query : base + sep + query;
    }
}
