package dev.companysso.keycloak.error;

import java.util.Objects;
import java.util.Optional;

/**
 * A call to the company SSO failed for a known reason. The detail is for the admin's event log and
 * never carries answer bodies, tokens or secrets; the upstream message is the only text that comes
 * from the SSO, sanitized, and meant for the user.
 */
public class UpstreamException extends RuntimeException {

    private final UpstreamFailure failure;
    private final String detail;
    private final String upstreamMessage;

    public UpstreamException(UpstreamFailure failure, String detail) {
        this(failure, detail, null);
    }

    /** @param upstreamMessage the SSO's own error message, raw; sanitized here */
    public UpstreamException(UpstreamFailure failure, String detail, String upstreamMessage) {
        super(Objects.requireNonNull(failure, "failure") + ": " + Objects.requireNonNull(detail, "detail"));
        this.failure = failure;
        this.detail = detail;
        this.upstreamMessage = UpstreamMessageSanitizer.sanitize(upstreamMessage).orElse(null);
    }

    public UpstreamFailure failure() {
        return failure;
    }

    /** Which call failed and how (status, content type, JSON path); never body content. */
    public String detail() {
        return detail;
    }

    /** The SSO's own message for the user, sanitized but not HTML-escaped. */
    public Optional<String> upstreamMessage() {
        return Optional.ofNullable(upstreamMessage);
    }
}
