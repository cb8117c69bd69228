package dev.companysso.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Map;

/** {@code POST /sso/oauth/token}: authorization_code and refresh_token grants, per dialect. */
final class TokenEndpoint implements Endpoint {

    static final String REFRESH_TOKEN_PARAM = "refresh_token";
    static final String CODE_VERIFIER_PARAM = "code_verifier";

    @Override
    public void handle(SimExchange ex) throws IOException {
        Dialect d = ex.dialect;
        DialectResponses.Wire wire = DialectResponses.wireOf(d.tokenResponseFormat());
        Fault fault = ex.sim.faults().take(FaultTarget.TOKEN).orElse(null);
        if (fault != null && fault.replacesAnswer()) {
            // The SSO did its work (the code is used up), then the answer went wrong on the way back.
            try {
                grant(ex, d);
            } catch (OAuthProblem ignored) {
                // answered with the fault all the same
            }
            FaultyAnswers.write(ex, fault);
            return;
        }
        if (fault != null) {
            FaultyAnswers.delay(fault);
        }
        try {
            ObjectNode payload = grant(ex, d);
            DialectResponses.success(ex, d.tokenEnvelope(), wire, payload);
        } catch (OAuthProblem p) {
            if (p.wwwAuthenticate != null && d.tokenEnvelope() == null) {
                ex.header("WWW-Authenticate", p.wwwAuthenticate);
            }
            if (p.wrongShape) {
                // A request in the wrong shape is a plain HTTP 400/405 even for envelope dialects.
                if (p.status == 405) {
                    ex.header("Allow", "POST");
                }
                DialectResponses.error(ex, null, wire, p.status, p.error, p.getMessage());
            } else {
                DialectResponses.error(ex, d.tokenEnvelope(), wire, p.status, p.error, p.getMessage());
            }
        }
    }

    private static ObjectNode grant(SimExchange ex, Dialect d) throws OAuthProblem {
        if (!ex.isMethod("POST")) {
            throw OAuthProblem.wrongShape(405, "token requests must use POST");
        }
        Map<String, String> params = TokenRequestParams.read(ex.request, d.tokenRequestFormat());
        TokenParamNames names = d.tokenParamNames();
        String grantType = names.grantType() == null
                ? (params.containsKey(names.code()) ? "authorization_code" : "refresh_token")
                : params.get(names.grantType());
        if (grantType == null) {
            throw OAuthProblem.invalidRequest("missing " + names.grantType());
        }
        String clientId = ClientAuthenticator.authenticate(ex.request, d, params, ex.sim.clientId(),
                ex.sim.clientSecret(), ex.sim.clientPublicKey());
        String refusal = ex.sim.refusal(SsoPaths.TOKEN);
        if (refusal != null) {
            throw OAuthProblem.invalidGrant(refusal);
        }
        for (Map.Entry<String, String> required : d.requiredTokenParams().entrySet()) {
            String value = params.get(required.getKey());
            if (!required.getValue().equals(value)) {
                throw OAuthProblem.invalidRequest(
                        "parameter " + required.getKey() + " must be '" + required.getValue() + "'");
            }
        }
        return switch (grantType) {
            case "authorization_code" -> authorizationCode(ex, d, params, clientId);
            case "refresh_token" -> refresh(ex, d, params, clientId);
            default -> throw new OAuthProblem(400, "unsupported_grant_type", "unsupported grant type " + grantType);
        };
    }

    private static ObjectNode authorizationCode(SimExchange ex, Dialect d, Map<String, String> params,
                                                String clientId) throws OAuthProblem {
        TokenParamNames names = d.tokenParamNames();
        String codeValue = params.get(names.code());
        if (codeValue == null) {
            throw OAuthProblem.invalidRequest("missing " + names.code());
        }
        ex.sim.log().countCodeUse(codeValue);
        String redirectUri = params.get(names.redirectUri());
        if (d.requireRedirectUri() && redirectUri == null) {
            throw OAuthProblem.invalidRequest("missing " + names.redirectUri());
        }
        TokenStore.AuthCode code = ex.sim.tokens().consumeCode(codeValue);
        if (code == null) {
            throw OAuthProblem.invalidGrant("invalid code");
        }
        if (code.expired()) {
            throw OAuthProblem.invalidGrant("code expired");
        }
        if (!code.clientId().equals(clientId)) {
            throw OAuthProblem.invalidGrant("code was issued to another client");
        }
        if (redirectUri != null && !redirectUri.equals(code.redirectUri())) {
            throw OAuthProblem.invalidGrant("redirect_uri does not match the authorization request");
        }
        String verifier = params.get(CODE_VERIFIER_PARAM);
        if (d.pkce() != Dialect.Pkce.IGNORED) {
            if (code.challenge() != null) {
                if (verifier == null) {
                    throw OAuthProblem.invalidGrant("missing code_verifier");
                }
                if (!PkceCheck.verify(code.challenge(), code.challengeMethod(), verifier)) {
                    throw OAuthProblem.invalidGrant("PKCE verification failed");
                }
            } else if (verifier != null) {
                throw OAuthProblem.invalidGrant("code_verifier sent but no code_challenge was");
            }
        }
        SimUser user = ex.sim.users().get(code.username());
        if (user == null) {
            throw OAuthProblem.invalidGrant("user no longer exists");
        }
        TokenStore.RefreshToken refresh = ex.sim.tokens().issueRefreshToken(user.getUsername(), clientId,
                code.scope());
        return issue(ex, d, user, clientId, code.scope(), refresh);
    }

    private static ObjectNode refresh(SimExchange ex, Dialect d, Map<String, String> params, String clientId)
            throws OAuthProblem {
        String value = params.get(REFRESH_TOKEN_PARAM);
        if (value == null) {
            throw OAuthProblem.invalidRequest("missing " + REFRESH_TOKEN_PARAM);
        }
        TokenStore.RefreshToken refresh = ex.sim.tokens().refreshToken(value);
        if (refresh == null) {
            throw OAuthProblem.invalidGrant("invalid refresh token");
        }
        if (!refresh.clientId().equals(clientId)) {
            throw OAuthProblem.invalidGrant("refresh token was issued to another client");
        }
        SimUser user = ex.sim.users().get(refresh.username());
        if (user == null) {
            throw OAuthProblem.invalidGrant("user no longer exists");
        }
        if (d.rotateRefreshToken()) {
            ex.sim.tokens().revokeRefreshToken(value);
            refresh = ex.sim.tokens().issueRefreshToken(refresh.username(), clientId, refresh.scope());
        }
        return issue(ex, d, user, clientId, refresh.scope(), refresh);
    }

    private static ObjectNode issue(SimExchange ex, Dialect d, SimUser user, String clientId, String scope,
                                    TokenStore.RefreshToken refresh) {
        String openid = ProfileRenderer.openidOf(user);
        TokenStore.AccessToken access = ex.sim.tokens().issueAccessToken(user.getUsername(), clientId, scope,
                openid, d.expiresIn());
        TokenFieldNames f = d.tokenFieldNames();
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put(f.accessToken(), access.value);
        if (f.tokenType() != null) {
            out.put(f.tokenType(), "Bearer");
        }
        if (f.expiresIn() != null) {
            out.put(f.expiresIn(), d.expiresIn());
        }
        if (f.refreshToken() != null) {
            out.put(f.refreshToken(), refresh.value());
        }
        if (scope != null) {
            out.put("scope", scope);
        }
        if (d.tokenExtraFields()) {
            out.put("openid", openid);
            out.put("uid", user.idAsString());
        }
        return out;
    }
}
