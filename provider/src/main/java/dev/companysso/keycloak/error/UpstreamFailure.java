package dev.companysso.keycloak.error;

/**
 * Why a call to the company SSO failed. Each reason has its own message for the user and its own
 * event reason, so that an admin reading the event log can tell "the SSO is down" from "the SSO said no".
 */
public enum UpstreamFailure {
    /** Connection refused, DNS failure, TLS failure. */
    UNREACHABLE("companySsoUnreachable", "sso_unreachable"),
    TIMEOUT("companySsoTimeout", "sso_timeout"),
    /** A non-2xx status without a usable error message. */
    HTTP_ERROR("companySsoHttpError", "sso_http_error"),
    /** A web page (login page, proxy error page) instead of data. */
    HTML_PAGE("companySsoHtmlPage", "sso_html_page"),
    /** Unparseable JSON, form encoding or JWT, or no object where the payload should be. */
    MALFORMED("companySsoMalformedResponse", "sso_malformed_response"),
    EMPTY_BODY("companySsoEmptyResponse", "sso_empty_response"),
    TOO_LARGE("companySsoResponseTooLarge", "sso_response_too_large"),
    /** The body is not valid UTF-8. */
    INVALID_ENCODING("companySsoInvalidEncoding", "sso_invalid_encoding"),
    /** The SSO said no: an error envelope, a failed success rule or an OAuth {@code error} field. */
    REFUSED("companySsoRefused", "sso_refused"),
    /** The token answer carries no access token. */
    MISSING_TOKEN("companySsoMissingToken", "sso_missing_token"),
    /** The user answer carries no (or an empty) user id. */
    MISSING_ID("companySsoMissingUserId", "sso_missing_user_id"),
    /** The user id is an object or an array, not something that identifies a user. */
    INVALID_ID("companySsoInvalidUserId", "sso_invalid_user_id"),
    /** A JWT answer failed signature verification. */
    INVALID_SIGNATURE("companySsoInvalidSignature", "sso_invalid_signature");

    private final String messageKey;
    private final String eventReason;

    UpstreamFailure(String messageKey, String eventReason) {
        this.messageKey = messageKey;
        this.eventReason = eventReason;
    }

    /** Key of the user-facing text in the theme's message bundle. */
    public String messageKey() {
        return messageKey;
    }

    /** Lowercase snake-case reason for the admin's event log. */
    public String eventReason() {
        return eventReason;
    }
}
