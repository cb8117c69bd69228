package dev.companysso.keycloak.response;

/**
 * What the SSO sent back, as the HTTP layer received it.
 *
 * @param contentType the Content-Type header, may be null
 * @param body        decoded as UTF-8 with invalid bytes replaced by U+FFFD; may be null or empty
 */
public record UpstreamAnswer(int status, String contentType, String body) {

    public boolean isSuccess() {
        return status >= 200 && status <= 299;
    }
}
