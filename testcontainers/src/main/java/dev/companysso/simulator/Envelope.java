package dev.companysso.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a dialect wraps its JSON answers, e.g. {@code {"code":0,"msg":"success","data":{...}}}; errors are then
 * answered with HTTP 200 and {@code {"code":40029,"msg":"invalid code","data":null}}.
 *
 * @param codeField         name of the status code field ("code", "errcode")
 * @param successCode       its value on success (0, "ok", ...)
 * @param errorCode         its value on errors (40029)
 * @param messageField      name of the message field ("msg", "errmsg")
 * @param successMessage    the message on success ("success")
 * @param payloadField      name of the payload field ("data"); null = payload fields at the root
 * @param omitCodeOnSuccess true = a successful answer carries no code/message field at all (WeChat)
 */
public record Envelope(String codeField, Object successCode, Object errorCode, String messageField,
                       String successMessage, String payloadField, boolean omitCodeOnSuccess) {

    public Envelope {
        if (codeField == null || messageField == null) {
            throw new IllegalArgumentException("codeField and messageField are required");
        }
    }

    /** {@code {"code":0,"msg":"success","data":{...}}}, errors {@code {"code":40029,"msg":"...","data":null}}. */
    public static Envelope codeMsgData() {
        return new Envelope("code", 0, 40029, "msg", "success", "data", false);
    }

    /** WeChat: payload at the root without errcode on success, errors {@code {"errcode":40029,"errmsg":"..."}}. */
    public static Envelope wechat() {
        return new Envelope("errcode", 0, 40029, "errmsg", "ok", null, true);
    }

    /** {@code {"status":"ok","message":"success","result":{...}}}, errors {@code {"status":"error","message":"..."}}. */
    public static Envelope statusOk() {
        return new Envelope("status", "ok", "error", "message", "success", "result", false);
    }

    /** Wraps a successful payload. */
    public ObjectNode wrapSuccess(ObjectNode payload) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        if (!omitCodeOnSuccess) {
            root.set(codeField, Json.MAPPER.valueToTree(successCode));
            root.put(messageField, successMessage);
        }
        if (payloadField == null) {
            root.setAll(payload);
        } else {
            root.set(payloadField, payload);
        }
        return root;
    }

    /** Builds an error answer. */
    public ObjectNode wrapError(String message) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.set(codeField, Json.MAPPER.valueToTree(errorCode));
        root.put(messageField, message);
        if (payloadField != null) {
            root.putNull(payloadField);
        }
        return root;
    }

    /** True when {@code body} is a success answer (code field absent-or-success when omitCodeOnSuccess). */
    public boolean isSuccess(JsonNode body) {
        JsonNode code = body == null ? null : body.get(codeField);
        if (code == null || code.isNull()) {
            return omitCodeOnSuccess && body != null && body.isObject();
        }
        return Json.MAPPER.valueToTree(successCode).equals(code)
                || code.asText().equals(String.valueOf(successCode));
    }

    /** The payload of a success answer (the root when payloadField is null, minus the code/message fields). */
    public ObjectNode payload(JsonNode body) {
        if (payloadField != null) {
            JsonNode p = body.get(payloadField);
            return p instanceof ObjectNode o ? o : null;
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.remove(codeField);
        copy.remove(messageField);
        return copy;
    }
}
