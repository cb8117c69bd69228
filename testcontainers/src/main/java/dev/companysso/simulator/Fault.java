package dev.companysso.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A way for the simulated SSO to misbehave on one endpoint (see {@link FaultSwitch}). Most faults replace the
 * answer; {@link Kind#DELAY} answers normally but late; the id faults answer the real profile with a broken id.
 *
 * @param delay only for {@link Kind#DELAY}
 */
public record Fault(Kind kind, Duration delay) {

    public enum Kind {
        /** HTTP 503 with a short text body. */
        HTTP_5XX,
        /** A proxy's or maintenance HTML page, with status 200. */
        HTML_ERROR_PAGE,
        /** {@code application/json}, but cut off mid-object. */
        MALFORMED_JSON,
        /** Status 200, no body at all. */
        EMPTY_BODY,
        /** An {@code application/xml} document. */
        WRONG_CONTENT_TYPE,
        /** A 10 MB JSON answer. */
        HUGE_BODY,
        /** JSON whose bytes are not valid UTF-8. */
        INVALID_UTF8,
        /** {@code {"code":50001,"msg":"...","data":null}} with status 200. */
        ERROR_ENVELOPE,
        /** The profile without its id field (userinfo only). */
        MISSING_ID,
        /** The profile with an empty id (userinfo only). */
        EMPTY_ID,
        /** The profile with an object as its id (userinfo only). */
        OBJECT_ID,
        /** The normal answer, after {@link Fault#delay()}. */
        DELAY
    }

    public static final Fault HTTP_5XX = of(Kind.HTTP_5XX);
    public static final Fault HTML_ERROR_PAGE = of(Kind.HTML_ERROR_PAGE);
    public static final Fault MALFORMED_JSON = of(Kind.MALFORMED_JSON);
    public static final Fault EMPTY_BODY = of(Kind.EMPTY_BODY);
    public static final Fault WRONG_CONTENT_TYPE = of(Kind.WRONG_CONTENT_TYPE);
    public static final Fault HUGE_BODY = of(Kind.HUGE_BODY);
    public static final Fault INVALID_UTF8 = of(Kind.INVALID_UTF8);
    public static final Fault ERROR_ENVELOPE = of(Kind.ERROR_ENVELOPE);
    public static final Fault MISSING_ID = of(Kind.MISSING_ID);
    public static final Fault EMPTY_ID = of(Kind.EMPTY_ID);
    public static final Fault OBJECT_ID = of(Kind.OBJECT_ID);

    /** Size of the {@link Kind#HUGE_BODY} answer. */
    public static final int HUGE_BODY_BYTES = 10 * 1024 * 1024;

    public Fault {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.DELAY) != (delay != null)) {
            throw new IllegalArgumentException("a delay goes with Kind.DELAY, and only with it");
        }
    }

    private static Fault of(Kind kind) {
        return new Fault(kind, null);
    }

    /** Answers normally, but only after {@code delay}. */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, delay);
    }

    /** True for the faults that change the user profile rather than the whole answer. */
    public boolean isIdFault() {
        return kind == Kind.MISSING_ID || kind == Kind.EMPTY_ID || kind == Kind.OBJECT_ID;
    }

    /** True for the faults whose answer replaces the endpoint's own. */
    public boolean replacesAnswer() {
        return kind != Kind.DELAY && !isIdFault();
    }

    @Override
    public String toString() {
        return kind == Kind.DELAY ? "DELAY(" + delay.toMillis() + " ms)" : kind.name();
    }
}
