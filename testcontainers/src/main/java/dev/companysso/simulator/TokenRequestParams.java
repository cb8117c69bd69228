package dev.companysso.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the token request parameters from a form or JSON body, whichever the dialect demands. */
final class TokenRequestParams {

    private TokenRequestParams() {
    }

    static Map<String, String> read(RecordedRequest r, Dialect.TokenRequestFormat format) throws OAuthProblem {
        Map<String, String> params = new LinkedHashMap<>();
        String ct = r.contentType();
        if (format == Dialect.TokenRequestFormat.FORM) {
            if (!ct.equals("application/x-www-form-urlencoded")) {
                throw OAuthProblem.wrongShape(400,
                        "token request must be application/x-www-form-urlencoded, got '" + ct + "'");
            }
            for (Map.Entry<String, List<String>> e : r.form().entrySet()) {
                if (e.getValue().size() > 1) {
                    throw OAuthProblem.invalidRequest("parameter " + e.getKey() + " repeated");
                }
                params.put(e.getKey(), e.getValue().get(0));
            }
            return params;
        }
        JsonNode json = r.json();
        if (!(ct.equals("application/json") || ct.endsWith("+json")) || json == null || !json.isObject()) {
            throw OAuthProblem.wrongShape(400,
                    "token request must be a JSON object (application/json), got '" + ct + "'");
        }
        json.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v != null && !v.isNull()) {
                params.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
            }
        });
        return params;
    }
}
