package dev.companysso.keycloak.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the token endpoint gave, after the envelope: the payload (every field, for the user info call and for
 * mappers) and the tokens found at the configured paths.
 *
 * @param expiresIn seconds, or null when the SSO did not say
 */
public record TokenAnswer(ObjectNode payload, String accessToken, String refreshToken, Long expiresIn) {
}
