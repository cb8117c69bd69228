package dev.companysso.keycloak.error;

import org.keycloak.models.IdentityProviderModel;

/**
 * What the user is told when a sign-in through the company SSO fails: a message key of the provider's bundle
 * (English and Simplified Chinese ship in the jar) and, where the SSO gave one, its own short message. Message
 * parameters: {0} the provider's display name, {1} the SSO's message (sanitized, may be empty).
 */
public record UserFacingError(String messageKey, String ssoMessage) {

    public static final UserFacingError MISSING_STATE = new UserFacingError("companySsoMissingState", null);
    public static final UserFacingError INVALID_STATE = new UserFacingError("companySsoInvalidState", null);
    public static final UserFacingError MISSING_CODE = new UserFacingError("companySsoMissingCode", null);
    public static final UserFacingError ISSUER_MISMATCH = new UserFacingError("companySsoIssuerMismatch", null);

    public static UserFacingError of(UpstreamException e) {
        return new UserFacingError(e.failure().messageKey(), e.upstreamMessage().orElse(null));
    }

    public Object[] messageParameters(IdentityProviderModel provider) {
        String name = provider.getDisplayName() != null && !provider.getDisplayName().isBlank()
                ? provider.getDisplayName() : "Company SSO";
        return new Object[] {name, ssoMessage == null ? "" : ssoMessage};
    }
}
