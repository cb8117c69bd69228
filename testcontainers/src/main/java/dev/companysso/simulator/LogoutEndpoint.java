package dev.companysso.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /sso/oauth/logout} (front-channel: revoke, then redirect back or say "logged out") and
 * {@code POST /sso/oauth/logout} (back-channel: revoke, answer JSON).
 */
final class LogoutEndpoint implements Endpoint {

    private static final String[] REDIRECT_PARAMS = {"redirect_uri", "post_logout_redirect_uri", "service"};
    private static final String[] TOKEN_PARAMS = {"access_token", "id_token_hint", "logout_token"};

    @Override
    public void handle(SimExchange ex) throws IOException {
        RecordedRequest r = ex.request;
        String revoked = null;
        for (String p : TOKEN_PARAMS) {
            String user = revoke(ex, r.param(p));
            revoked = revoked == null ? user : revoked;
        }
        if (ex.isMethod("POST")) {
            ex.json(200, Json.MAPPER.createObjectNode().put("status", "ok").put("revoked_user", revoked));
            return;
        }
        if (!ex.isMethod("GET")) {
            ex.header("Allow", "GET, POST");
            ex.html(405, HtmlPages.error("Method not allowed"));
            return;
        }
        for (String p : REDIRECT_PARAMS) {
            String target = r.queryParam(p);
            if (target != null && AuthorizeEndpoint.validRedirectUri(target)) {
                Map<String, String> params = new LinkedHashMap<>();
                params.put("state", r.queryParam("state"));
                ex.redirect(FormCodec.appendQuery(target, params));
                return;
            }
        }
        ex.html(200, HtmlPages.loggedOut());
    }

    /** Revokes the tokens of the user the value points to (an access token or a JWT); returns the username. */
    private static String revoke(SimExchange ex, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        TokenStore.AccessToken access = ex.sim.tokens().anyAccessToken(value);
        SimUser user = access != null ? ex.sim.users().get(access.username) : userOfJwt(ex, value);
        if (user == null) {
            return null;
        }
        ex.sim.tokens().revokeUser(user.getUsername());
        return user.getUsername();
    }

    private static SimUser userOfJwt(SimExchange ex, String value) {
        String[] parts = value.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        JsonNode claims;
        try {
            claims = Json.tryParse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (claims == null) {
            return null;
        }
        for (String name : new String[] {"preferred_username", "account"}) {
            SimUser u = ex.sim.users().get(claims.path(name).asText(null));
            if (u != null) {
                return u;
            }
        }
        for (String name : new String[] {"sub", "id", "uid"}) {
            SimUser u = ex.sim.users().findById(claims.path(name).asText(null));
            if (u != null) {
                return u;
            }
        }
        String openid = claims.path("openid").asText("");
        return openid.startsWith("o-") ? ex.sim.users().findById(openid.substring(2)) : null;
    }
}
