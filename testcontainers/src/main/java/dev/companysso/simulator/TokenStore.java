package dev.companysso.simulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Authorization codes, access tokens and refresh tokens of the simulated SSO; thread-safe. */
final class TokenStore {

    static final Duration CODE_LIFETIME = Duration.ofSeconds(120);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A single-use authorization code and what it is bound to. */
    record AuthCode(String code, String clientId, String redirectUri, String username, String challenge,
                    String challengeMethod, String scope, String nonce, Instant expiresAt) {
        boolean expired() {
            return !Instant.now().isBefore(expiresAt);
        }
    }

    /** An opaque access token. */
    static final class AccessToken {
        final String value;
        final String username;
        final String clientId;
        final String scope;
        final String openid;
        volatile Instant expiresAt;
        volatile boolean revoked;

        AccessToken(String value, String username, String clientId, String scope, String openid, Instant expiresAt) {
            this.value = value;
            this.username = username;
            this.clientId = clientId;
            this.scope = scope;
            this.openid = openid;
            this.expiresAt = expiresAt;
        }

        boolean valid() {
            return !revoked && Instant.now().isBefore(expiresAt);
        }
    }

    /** An opaque refresh token. */
    record RefreshToken(String value, String username, String clientId, String scope) {
    }

    private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();

    AuthCode issueCode(String clientId, String redirectUri, String username, String challenge,
                       String challengeMethod, String scope, String nonce) {
        AuthCode code = new AuthCode(random(24), clientId, redirectUri, username, challenge, challengeMethod, scope,
                nonce, Instant.now().plus(CODE_LIFETIME));
        codes.put(code.code(), code);
        return code;
    }

    /** Removes and returns the code (so a second use finds nothing), or null. */
    AuthCode consumeCode(String code) {
        return code == null ? null : codes.remove(code);
    }

    AccessToken issueAccessToken(String username, String clientId, String scope, String openid, long expiresIn) {
        AccessToken t = new AccessToken(random(32), username, clientId, scope, openid,
                Instant.now().plusSeconds(expiresIn));
        accessTokens.put(t.value, t);
        return t;
    }

    RefreshToken issueRefreshToken(String username, String clientId, String scope) {
        RefreshToken t = new RefreshToken(random(32), username, clientId, scope);
        refreshTokens.put(t.value(), t);
        return t;
    }

    /** The token when it exists, is not expired and not revoked; else null. */
    AccessToken validAccessToken(String value) {
        AccessToken t = value == null ? null : accessTokens.get(value);
        return t != null && t.valid() ? t : null;
    }

    /** The token regardless of its validity, or null. */
    AccessToken anyAccessToken(String value) {
        return value == null ? null : accessTokens.get(value);
    }

    RefreshToken refreshToken(String value) {
        return value == null ? null : refreshTokens.get(value);
    }

    void revokeRefreshToken(String value) {
        refreshTokens.remove(value);
    }

    /** Revokes every access and refresh token of the user. */
    void revokeUser(String username) {
        accessTokens.values().forEach(t -> {
            if (t.username.equals(username)) {
                t.revoked = true;
            }
        });
        refreshTokens.values().removeIf(t -> t.username().equals(username));
    }

    void expireAllAccessTokens() {
        Instant past = Instant.now().minusSeconds(1);
        accessTokens.values().forEach(t -> t.expiresAt = past);
    }

    void expireAllCodes() {
        Instant past = Instant.now().minusSeconds(1);
        codes.replaceAll((k, c) -> new AuthCode(c.code(), c.clientId(), c.redirectUri(), c.username(), c.challenge(),
                c.challengeMethod(), c.scope(), c.nonce(), past));
    }

    void clear() {
        codes.clear();
        accessTokens.clear();
        refreshTokens.clear();
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
