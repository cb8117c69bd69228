package dev.companysso.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** PKCE (RFC 7636) checks for the authorize and token steps. */
final class PkceCheck {

    private PkceCheck() {
    }

    /** The method to bind to the code: null when no challenge; "plain" when the method was omitted. */
    static String effectiveMethod(String challenge, String method) {
        if (challenge == null) {
            return null;
        }
        return method == null ? "plain" : method;
    }

    /** Why the authorize request's PKCE parameters are unacceptable, or null when fine. */
    static String authorizeProblem(Dialect.Pkce mode, String challenge, String method) {
        if (mode == Dialect.Pkce.IGNORED) {
            return null;
        }
        if (challenge == null) {
            return switch (mode) {
                case REQUIRED_S256, REQUIRED_PLAIN -> "PKCE code_challenge is required";
                default -> null;
            };
        }
        String m = effectiveMethod(challenge, method);
        if (!m.equals("S256") && !m.equals("plain")) {
            return "Unsupported code_challenge_method: " + m;
        }
        if (mode == Dialect.Pkce.REQUIRED_S256 && !m.equals("S256")) {
            return "code_challenge_method must be S256";
        }
        if (mode == Dialect.Pkce.REQUIRED_PLAIN && !m.equals("plain")) {
            return "code_challenge_method must be plain";
        }
        if (!challenge.matches("[A-Za-z0-9._~-]{43,128}")) {
            return "Malformed code_challenge";
        }
        return null;
    }

    /** True when {@code verifier} matches the challenge under {@code method}. */
    static boolean verify(String challenge, String method, String verifier) {
        if (verifier == null) {
            return false;
        }
        String expected = "S256".equals(method) ? s256(verifier) : verifier;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
