package dev.companysso.keycloak.admin;

/**
 * Sample SSO answers for a dry run, as the SSO sent them (bodies as text, with their content types).
 * Only the token answer is required; without a user info answer the provider must be configured without one.
 */
public class DryRunRequest {
    public String tokenResponse;
    public String tokenContentType;
    public String userInfoResponse;
    public String userInfoContentType;
    public String profileResponse;
    public String profileContentType;
}
