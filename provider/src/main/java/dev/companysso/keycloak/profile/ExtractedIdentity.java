package dev.companysso.keycloak.profile;

/**
 * Who the SSO says the user is. Only {@code id} is guaranteed; the rest may be null.
 *
 * @param emailVerified the SSO's own statement, or null when it made none
 */
public record ExtractedIdentity(String id, String username, String email, Boolean emailVerified,
                                String firstName, String lastName) {
}
