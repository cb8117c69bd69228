package dev.companysso.keycloak;

import java.util.List;
import java.util.Locale;

import dev.companysso.keycloak.config.CompanySsoConfig;
import dev.companysso.keycloak.config.NameValue;
import dev.companysso.keycloak.config.Setting;
import dev.companysso.keycloak.profile.ExtractedIdentity;
import dev.companysso.keycloak.profile.IdentityExtractor;
import dev.companysso.keycloak.profile.ProfileDocument;
import dev.companysso.keycloak.upstream.SsoClient;
import dev.companysso.keycloak.upstream.StoredToken;
import dev.companysso.keycloak.upstream.TokenAnswer;

import java.net.URI;

import dev.companysso.keycloak.error.UpstreamException;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.UserSessionModel;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.OAuth2Constants;
import org.keycloak.broker.oidc.AbstractOAuth2IdentityProvider;
import org.keycloak.broker.oidc.mappers.AbstractJsonUserAttributeMapper;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.PkceUtils;
import org.keycloak.services.Urls;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Company SSO: Keycloak glue only. Builds the authorization redirect, and on the callback has {@link SsoClient} do
 * the code exchange and profile calls, then turns the merged profile into a brokered identity. Everything that
 * varies between SSOs is read from {@link CompanySsoConfig}; no per-login state lives in this object's fields
 * (the PKCE verifier is kept in the authentication session, which a cluster replicates).
 */
public class CompanySsoIdentityProvider extends AbstractOAuth2IdentityProvider<CompanySsoConfig> {

    private static final Logger LOG = Logger.getLogger(CompanySsoIdentityProvider.class);

    /** Auth-session note holding this login's PKCE code verifier. */
    static final String PKCE_VERIFIER_NOTE = "COMPANY_SSO_PKCE_VERIFIER";
    /** Context-data key for the SSO's own "email verified" statement. */
    static final String EMAIL_VERIFIED = "COMPANY_SSO_EMAIL_VERIFIED";

    public CompanySsoIdentityProvider(KeycloakSession session, CompanySsoConfig config) {
        super(session, config);
    }

    @Override
    protected String getDefaultScopes() {
        return "";
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        return new CompanySsoCallback(this, session, callback, event);
    }

    /** The redirect to the SSO. Query parameters already in the configured URL (such as ?uuid=...) are kept. */
    @Override
    protected UriBuilder createAuthorizationUrl(AuthenticationRequest request) {
        CompanySsoConfig config = getConfig();
        AuthenticationSessionModel authSession = request.getAuthenticationSession();
        UriBuilder uri = UriBuilder.fromUri(config.getAuthorizationUrl())
                .queryParam("response_type", "code")
                .queryParam(config.get(Setting.AUTH_CLIENT_ID_PARAM), config.getClientId())
                .queryParam("redirect_uri", request.getRedirectUri())
                .queryParam("state", request.getState().getEncoded());

        List<String> scopes = config.scopes();
        if (config.getBoolean(Setting.SEND_SCOPE) && !scopes.isEmpty()) {
            uri.queryParam("scope", String.join(config.scopeDelimiter(), scopes));
        }
        if (config.isPkceEnabled()) {
            String verifier = PkceUtils.generateCodeVerifier();
            authSession.setClientNote(PKCE_VERIFIER_NOTE, verifier);
            uri.queryParam(OAuth2Constants.CODE_CHALLENGE, PkceUtils.encodeCodeChallenge(verifier, config.getPkceMethod()));
            uri.queryParam(OAuth2Constants.CODE_CHALLENGE_METHOD, config.getPkceMethod());
        }
        forward(uri, Setting.FORWARD_LOGIN_HINT, OIDCLoginProtocol.LOGIN_HINT_PARAM,
                authSession.getClientNote(OIDCLoginProtocol.LOGIN_HINT_PARAM));
        forward(uri, Setting.FORWARD_PROMPT, OAuth2Constants.PROMPT, authSession.getClientNote(OAuth2Constants.PROMPT));
        if (config.getBoolean(Setting.FORWARD_UI_LOCALES)) {
            Locale locale = session.getContext().resolveLocale(null);
            uri.queryParam(OIDCLoginProtocol.UI_LOCALES_PARAM, locale.toLanguageTag());
        }
        for (NameValue extra : config.nameValues(Setting.AUTH_EXTRA_PARAMS)) {
            uri.queryParam(extra.name(), extra.value());
        }
        return uri;
    }

    private void forward(UriBuilder uri, Setting switchSetting, String param, String value) {
        if (getConfig().getBoolean(switchSetting) && value != null && !value.isEmpty()) {
            uri.queryParam(param, value);
        }
    }

    /** Steps 3 to 5 of the seed's story: code -> token -> profile -> a Keycloak identity. */
    BrokeredIdentityContext authenticate(String code, AuthenticationSessionModel authSession) {
        CompanySsoConfig config = getConfig();
        SsoClient client = ssoClient();
        TokenAnswer token = client.exchangeCode(code, redirectUri(), authSession.getClientNote(PKCE_VERIFIER_NOTE));
        ObjectNode userInfo = config.isUserInfoCallEnabled() ? client.fetchUserInfo(token) : null;
        ObjectNode extra = config.isSet(Setting.PROFILE_URL) ? client.fetchSecondProfile(token) : null;

        ObjectNode profile = ProfileDocument.from(token, userInfo, config.get(Setting.PROFILE_KEY), extra);
        ExtractedIdentity identity = new IdentityExtractor(config).extract(profile);

        BrokeredIdentityContext context = new BrokeredIdentityContext(identity.id(), config);
        context.setUsername(identity.username());
        context.setEmail(identity.email());
        context.setFirstName(identity.firstName());
        context.setLastName(identity.lastName());
        context.setBrokerUserId(config.getAlias() + "." + identity.id());
        if (identity.emailVerified() != null) {
            context.getContextData().put(EMAIL_VERIFIED, identity.emailVerified());
        }
        AbstractJsonUserAttributeMapper.storeUserProfileForMapper(context, profile, config.getAlias());
        context.getContextData().put(FEDERATED_ACCESS_TOKEN, token.accessToken());
        if (Boolean.TRUE.equals(config.isStoreToken())) {
            context.setToken(StoredToken.serialize(token));
        }
        context.setIdp(this);
        return context;
    }

    /** With "trust email" on, the SSO's own email_verified statement wins over the blanket trust. */
    @Override
    protected void setEmailVerified(UserModel user, BrokeredIdentityContext context) {
        Object verified = context.getContextData().get(EMAIL_VERIFIED);
        if (Boolean.TRUE.equals(getConfig().isTrustEmail()) && verified instanceof Boolean emailVerified) {
            user.setEmailVerified(emailVerified);
            return;
        }
        super.setEmailVerified(user, context);
    }

    /**
     * The broker token endpoint ({@code GET /realms/R/broker/ALIAS/token}): the stored SSO token, refreshed first
     * with the SSO's refresh grant (same dialect as the login) when it is about to expire. Keycloak stores the
     * refreshed token. A failed refresh is a clear JSON error, never a stale token.
     */
    @Override
    public Response retrieveToken(KeycloakSession session, FederatedIdentityModel identity) {
        StoredToken.Parsed stored = StoredToken.parse(identity.getToken());
        if (stored != null && stored.expiresWithin(getConfig().getMinValidityToken())) {
            if (stored.refreshToken() == null) {
                throw tokenError(Response.Status.BAD_REQUEST, "token_expired",
                        "The company SSO token has expired and the SSO gave no refresh token: sign in again.");
            }
            try {
                TokenAnswer fresh = ssoClient().refresh(stored.refreshToken());
                identity.setToken(StoredToken.serializeRefreshed(fresh, stored.refreshToken()));
            } catch (UpstreamException e) {
                LOG.warnf("Company SSO '%s': token refresh failed (%s: %s)", getConfig().getAlias(),
                        e.failure().eventReason(), e.detail());
                throw tokenError(Response.Status.BAD_GATEWAY, "token_refresh_failed",
                        "The company SSO did not renew its token (" + e.failure().eventReason() + ")"
                                + e.upstreamMessage().map(m -> ": " + m).orElse("") + ". Sign in again.");
            }
        }
        return Response.ok(identity.getToken()).type(MediaType.APPLICATION_JSON).build();
    }

    private static WebApplicationException tokenError(Response.Status status, String error, String description) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("error", error).put("error_description", description);
        return new WebApplicationException(error, Response.status(status).entity(body.toString())
                .type(MediaType.APPLICATION_JSON).build());
    }

    /** Redirect mode: send the browser to the SSO's logout, which returns it to our logout_response endpoint. */
    @Override
    public Response keycloakInitiatedBrowserLogout(KeycloakSession session, UserSessionModel userSession, UriInfo uriInfo,
                                                   RealmModel realm) {
        if (!getConfig().isSet(Setting.LOGOUT_URL)) {
            return null;
        }
        if ("backchannel".equals(getConfig().get(Setting.LOGOUT_MODE))) {
            backchannelLogout(session, userSession, uriInfo, realm);
            return null;
        }
        String returnUrl = Urls.identityProviderAuthnResponse(uriInfo.getBaseUri(), getConfig().getAlias(),
                realm.getName()).toString() + "/" + CompanySsoCallback.LOGOUT_RESPONSE;
        String url = ssoClient().logoutUrl(userSession.getNote(FEDERATED_ACCESS_TOKEN), userSession.getId(), returnUrl);
        return Response.status(Response.Status.FOUND).location(URI.create(url)).build();
    }

    @Override
    public void backchannelLogout(KeycloakSession session, UserSessionModel userSession, UriInfo uriInfo, RealmModel realm) {
        if (!getConfig().isSet(Setting.LOGOUT_URL) || !"backchannel".equals(getConfig().get(Setting.LOGOUT_MODE))) {
            return;
        }
        SsoClient client = ssoClient();
        try {
            int status = client.logout(client.logoutUrl(userSession.getNote(FEDERATED_ACCESS_TOKEN), userSession.getId(), null));
            if (status / 100 != 2 && status / 100 != 3) {
                LOG.warnf("Company SSO '%s': back-channel logout answered HTTP %d", getConfig().getAlias(), status);
            }
        } catch (UpstreamException e) {
            // Keycloak's own logout goes on: the SSO session then ends by its own expiry.
            LOG.warnf("Company SSO '%s': back-channel logout failed (%s)", getConfig().getAlias(), e.detail());
        }
    }

    SsoClient ssoClient() {
        return new SsoClient(session, getConfig(), this::authenticateTokenRequest);
    }

    private String redirectUri() {
        RealmModel realm = session.getContext().getRealm();
        return Urls.identityProviderAuthnResponse(session.getContext().getUri().getBaseUri(),
                getConfig().getAlias(), realm.getName()).toString();
    }
}
