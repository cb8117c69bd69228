package dev.companysso.simulator;

/**
 * Names of the fields of the token answer. A null name leaves that field out
 * (only allowed for refreshToken, expiresIn and tokenType).
 */
public record TokenFieldNames(String accessToken, String refreshToken, String expiresIn, String tokenType) {

    public TokenFieldNames {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("the access token field name is required");
        }
    }

    /** access_token, refresh_token, expires_in, token_type. */
    public static TokenFieldNames standard() {
        return new TokenFieldNames("access_token", "refresh_token", "expires_in", "token_type");
    }

    /** accessToken, refreshToken, expiresIn, tokenType. */
    public static TokenFieldNames camelCase() {
        return new TokenFieldNames("accessToken", "refreshToken", "expiresIn", "tokenType");
    }
}
