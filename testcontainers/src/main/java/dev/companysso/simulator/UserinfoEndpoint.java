package dev.companysso.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * {@code /sso/oauth/userinfo} (the profile in the dialect's shape, optionally as a signed JWT) and
 * {@code /sso/oauth/profile} (roles and departments); both follow the dialect's method and token rules.
 */
final class UserinfoEndpoint implements Endpoint {

    private final boolean rolesAndDepartments;

    private UserinfoEndpoint(boolean rolesAndDepartments) {
        this.rolesAndDepartments = rolesAndDepartments;
    }

    static UserinfoEndpoint userinfo() {
        return new UserinfoEndpoint(false);
    }

    static UserinfoEndpoint profile() {
        return new UserinfoEndpoint(true);
    }

    @Override
    public void handle(SimExchange ex) throws IOException {
        Dialect d = ex.dialect;
        DialectResponses.Wire wire = DialectResponses.wireOf(d.userinfoFormat());
        Fault fault = rolesAndDepartments ? null : ex.sim.faults().take(FaultTarget.USERINFO).orElse(null);
        if (fault != null && fault.replacesAnswer()) {
            FaultyAnswers.write(ex, fault);
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.DELAY) {
            FaultyAnswers.delay(fault);
        }
        try {
            SimUser user = authorizedUser(ex, d);
            if (rolesAndDepartments) {
                DialectResponses.success(ex, d.userinfoEnvelope(), wire, ProfileRenderer.rolesAndDepartments(user));
            } else if (d.userinfoFormat() == Dialect.UserinfoFormat.JWT) {
                ex.header("Cache-Control", "no-store");
                ex.send(200, "application/jwt", ex.sim.signer().sign(claims(ex, d, user), d.signWithWrongKey()));
            } else {
                ObjectNode profile = ProfileRenderer.userinfo(user, d.profileShape());
                if (fault != null && fault.isIdFault()) {
                    FaultyAnswers.breakId(profile, fault, d.profileShape());
                }
                DialectResponses.success(ex, d.userinfoEnvelope(), wire, profile);
            }
        } catch (OAuthProblem p) {
            if (p.wrongShape) {
                ex.header("Allow", d.userinfoMethod() == Dialect.UserinfoMethod.ANY ? "GET, POST"
                        : d.userinfoMethod().name());
                DialectResponses.error(ex, null, wire, p.status, p.error, p.getMessage());
                return;
            }
            if (p.wwwAuthenticate != null && d.userinfoEnvelope() == null) {
                ex.header("WWW-Authenticate", p.wwwAuthenticate);
            }
            DialectResponses.error(ex, d.userinfoEnvelope(), wire, p.status, p.error, p.getMessage());
        }
    }

    private static SimUser authorizedUser(SimExchange ex, Dialect d) throws OAuthProblem {
        RecordedRequest r = ex.request;
        boolean methodOk = switch (d.userinfoMethod()) {
            case GET -> ex.isMethod("GET");
            case POST -> ex.isMethod("POST");
            case ANY -> ex.isMethod("GET") || ex.isMethod("POST");
        };
        if (!methodOk) {
            throw OAuthProblem.wrongShape(405, "method " + r.method() + " not allowed");
        }
        for (Map.Entry<String, String> h : d.requiredUserinfoHeaders().entrySet()) {
            if (!h.getValue().equals(r.header(h.getKey()))) {
                throw OAuthProblem.invalidRequest("missing or wrong header " + h.getKey());
            }
        }
        String token = AccessTokenExtractor.extract(r, d);
        if (token == null) {
            throw OAuthProblem.invalidToken("missing access token");
        }
        TokenStore.AccessToken access = ex.sim.tokens().validAccessToken(token);
        if (access == null) {
            throw OAuthProblem.invalidToken("invalid or expired access token");
        }
        if (d.requireOpenidParam() != null && !access.openid.equals(r.param(d.requireOpenidParam()))) {
            throw OAuthProblem.invalidRequest("invalid " + d.requireOpenidParam());
        }
        String refusal = ex.sim.refusal(r.path());
        if (refusal != null) {
            throw OAuthProblem.invalidToken(refusal);
        }
        SimUser user = ex.sim.users().get(access.username);
        if (user == null) {
            throw OAuthProblem.invalidToken("unknown user");
        }
        return user;
    }

    private static ObjectNode claims(SimExchange ex, Dialect d, SimUser user) {
        ObjectNode claims = ProfileRenderer.userinfo(user, d.profileShape());
        long now = Instant.now().getEpochSecond();
        claims.put("iss", d.issuer() != null ? d.issuer() : ex.sim.baseUrl());
        claims.put("aud", ex.sim.clientId());
        claims.put("iat", now);
        claims.put("exp", now + 300);
        return claims;
    }
}
