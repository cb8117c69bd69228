package dev.companysso.keycloak;

import dev.companysso.keycloak.config.CompanySsoConfig;
import dev.companysso.keycloak.config.Setting;
import dev.companysso.keycloak.error.UpstreamException;
import dev.companysso.keycloak.error.UpstreamFailure;
import dev.companysso.keycloak.error.UserFacingError;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The SSO's redirect back to Keycloak ({@code /realms/R/broker/ALIAS/endpoint}). Verifies the state (it binds the
 * callback to this browser's authentication session), then lets the provider do the code exchange exactly once.
 * Every failure ends on a localized page and in an event with a reason; nothing is created.
 */
public class CompanySsoCallback {

    private static final Logger LOG = Logger.getLogger(CompanySsoCallback.class);
    static final String LOGOUT_RESPONSE = "logout_response";

    private final CompanySsoIdentityProvider provider;
    private final KeycloakSession session;
    /**
     * Named through the provider class, which inherits the member type from Keycloak: it is
     * {@code UserAuthenticationIdentityProvider.AuthenticationCallback} from Keycloak 26.5 on and
     * {@code IdentityProvider.AuthenticationCallback} in 26.4. The same source thus compiles against both; the
     * bytecode differs, hence the separate 26.4 jar (provider-kc26.4, README "Compatibility").
     */
    private final CompanySsoIdentityProvider.AuthenticationCallback callback;
    private final EventBuilder event;

    CompanySsoCallback(CompanySsoIdentityProvider provider, KeycloakSession session,
                       CompanySsoIdentityProvider.AuthenticationCallback callback, EventBuilder event) {
        this.provider = provider;
        this.session = session;
        this.callback = callback;
        this.event = event;
    }

    // @Path makes Quarkus index this jar's JAX-RS classes; without a bean-defining annotation the provider jar is
    // skipped and Keycloak answers the callback with 405 (keycloak/keycloak#26835).
    @GET
    @Path("/")
    public Response authResponse(@QueryParam(OAuth2Constants.STATE) String state,
                                 @QueryParam(OAuth2Constants.CODE) String code,
                                 @QueryParam(OAuth2Constants.ERROR) String error,
                                 @QueryParam(OAuth2Constants.ERROR_DESCRIPTION) String errorDescription,
                                 @QueryParam("iss") String issuer) {
        CompanySsoConfig config = provider.getConfig();
        if (state == null || state.isBlank()) {
            return fail(null, UserFacingError.MISSING_STATE, "callback without state", Response.Status.BAD_REQUEST);
        }
        AuthenticationSessionModel authSession;
        try {
            // Throws with Keycloak's own page when the state is forged, stale or from another browser.
            authSession = callback.getAndVerifyAuthenticationSession(state);
        } catch (WebApplicationException e) {
            // Keycloak's own page ("page has expired", "cookie not found", ...). Keycloak does not always record an
            // event for it: leave one trace per refused callback for the admin. A redirect is no refusal (e.g. the
            // browser is already signed in and goes back to the app).
            int status = e.getResponse().getStatus();
            if (status < 300 || status >= 400) {
                recordFailure("sso_state_rejected: Keycloak refused the callback's state (HTTP " + status + ")",
                        Errors.IDENTITY_PROVIDER_LOGIN_FAILURE);
            }
            return e.getResponse();
        } catch (RuntimeException e) {
            // Keycloak's state parser throws plain exceptions (e.g. IllegalArgumentException from Base64) for a
            // state it cannot even read: a forged or mangled callback, not a server error.
            return fail(null, UserFacingError.INVALID_STATE, "callback with an unreadable state ("
                    + e.getClass().getSimpleName() + ")", Response.Status.BAD_REQUEST);
        }
        session.getContext().setAuthenticationSession(authSession);

        if (error != null) {
            if ("access_denied".equals(error) && code == null) {
                // Keycloak shows its own "access denied" notice on the login page but records nothing: keep a
                // trace for the admin.
                recordFailure("sso_access_denied: the user cancelled or the SSO denied access", Errors.ACCESS_DENIED);
                return callback.cancelled(config);
            }
            // A code next to an error is contradictory: never exchange it.
            String reason = code != null ? "callback with both code and error" : "SSO returned error " + error;
            UpstreamException refused = new UpstreamException(UpstreamFailure.REFUSED, reason,
                    errorDescription != null ? errorDescription : error);
            return fail(authSession, UserFacingError.of(refused), reason, Response.Status.BAD_GATEWAY);
        }
        if (code == null || code.isBlank()) {
            return fail(authSession, UserFacingError.MISSING_CODE, "callback without code", Response.Status.BAD_REQUEST);
        }
        if (config.isSet(Setting.ISSUER) && !config.get(Setting.ISSUER).equals(issuer)) {
            return fail(authSession, UserFacingError.ISSUER_MISMATCH, "iss parameter does not match the configured issuer",
                    Response.Status.BAD_REQUEST);
        }

        BrokeredIdentityContext identity;
        try {
            identity = provider.authenticate(code, authSession);
        } catch (UpstreamException e) {
            return fail(authSession, UserFacingError.of(e), e.failure().eventReason() + ": " + e.detail(),
                    Response.Status.BAD_GATEWAY);
        } catch (RuntimeException e) {
            // A bug of ours or an unforeseen answer: keep the page clean, keep the class name for the admin.
            LOG.debugf(e, "Company SSO '%s': unexpected failure", config.getAlias());
            return fail(authSession, UserFacingError.of(new UpstreamException(UpstreamFailure.MALFORMED,
                    "unexpected " + e.getClass().getSimpleName())), "unexpected " + e.getClass().getSimpleName(),
                    Response.Status.BAD_GATEWAY);
        }
        identity.setAuthenticationSession(authSession);
        return callback.authenticated(identity);
    }

    /** Where the SSO returns the browser after a redirect-mode logout; finishes Keycloak's own logout. */
    @GET
    @Path(LOGOUT_RESPONSE)
    public Response logoutResponse(@QueryParam(OAuth2Constants.STATE) String state) {
        RealmModel realm = session.getContext().getRealm();
        UserSessionModel userSession = state == null ? null : session.sessions().getUserSession(realm, state);
        if (userSession == null || userSession.getState() != UserSessionModel.State.LOGGING_OUT) {
            event.event(EventType.LOGOUT).detail(Details.IDENTITY_PROVIDER, provider.getConfig().getAlias())
                    .detail(Details.REASON, "logout response without a session that is logging out")
                    .error(Errors.USER_SESSION_NOT_FOUND);
            return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, Messages.SESSION_NOT_ACTIVE);
        }
        return AuthenticationManager.finishBrowserLogout(session, realm, userSession, session.getContext().getUri(),
                session.getContext().getConnection(), session.getContext().getRequestHeaders());
    }

    private Response fail(AuthenticationSessionModel authSession, UserFacingError error, String reason,
                          Response.Status status) {
        LOG.warnf("Company SSO '%s': sign-in failed (%s)", provider.getConfig().getAlias(), reason);
        recordFailure(reason, Errors.IDENTITY_PROVIDER_LOGIN_FAILURE);
        return ErrorPage.error(session, authSession, status, error.messageKey(), error.messageParameters(provider.getConfig()));
    }

    /** One IDENTITY_PROVIDER_LOGIN_ERROR event with the reason, for the admin's event log. */
    private void recordFailure(String reason, String error) {
        event.clone().event(EventType.IDENTITY_PROVIDER_LOGIN)
                .detail(Details.IDENTITY_PROVIDER, provider.getConfig().getAlias())
                .detail(Details.REASON, reason)
                .error(error);
    }
}
