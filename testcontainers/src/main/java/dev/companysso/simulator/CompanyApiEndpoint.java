package dev.companysso.simulator;

import java.io.IOException;

/** {@code GET /sso/api/me}: a protected company API that accepts the SSO's access token as a Bearer token. */
final class CompanyApiEndpoint implements Endpoint {

    @Override
    public void handle(SimExchange ex) throws IOException {
        if (!ex.isMethod("GET")) {
            ex.header("Allow", "GET");
            ex.json(405, Json.MAPPER.createObjectNode().put("error", "method_not_allowed"));
            return;
        }
        String token = AccessTokenExtractor.fromAuthorization(ex.request.header("authorization"), "Bearer");
        TokenStore.AccessToken access = ex.sim.tokens().validAccessToken(token);
        SimUser user = access == null ? null : ex.sim.users().get(access.username);
        if (user == null) {
            ex.header("WWW-Authenticate", "Bearer realm=\"company-api\", error=\"invalid_token\"");
            ex.json(401, Json.MAPPER.createObjectNode().put("error", "invalid_token"));
            return;
        }
        ex.json(200, Json.MAPPER.createObjectNode()
                .put("username", user.getUsername())
                .put("message", "hello from the company API"));
    }
}
