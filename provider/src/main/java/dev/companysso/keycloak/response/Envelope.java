package dev.companysso.keycloak.response;

import dev.companysso.keycloak.path.JsonPath;

/**
 * How an SSO wraps its answers, e.g. {@code {"code": 0, "msg": "ok", "data": {...}}}. Every part is
 * optional; {@link #NONE} means a plain OAuth-style answer.
 *
 * @param successPath      where the success marker is; when set, the answer succeeds only if the text
 *                         there equals {@code successValue} exactly
 * @param successValue     required with {@code successPath}; compared with {@link JsonPath#asText}, so
 *                         "0" matches both {@code 0} and {@code "0"}
 * @param payloadPath      where the useful object is; null means the whole answer
 * @param errorMessagePath where the SSO puts its human error message; null means the usual fields
 * @param successWhenMissing an answer without the success marker also succeeds (WeChat sends {@code errcode}
 *                           only with errors)
 */
public record Envelope(JsonPath successPath, String successValue, JsonPath payloadPath, JsonPath errorMessagePath,
                       boolean successWhenMissing) {

    public static final Envelope NONE = new Envelope(null, null, null, null);

    public Envelope(JsonPath successPath, String successValue, JsonPath payloadPath, JsonPath errorMessagePath) {
        this(successPath, successValue, payloadPath, errorMessagePath, false);
    }

    public Envelope {
        if (successPath != null && successValue == null) {
            throw new IllegalArgumentException("a success value is required with the success path " + successPath);
        }
    }
}
