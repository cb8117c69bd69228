package dev.companysso.simulator;

import java.io.IOException;

/** {@code GET /sso/oauth/jwks}: the key that signs JWT userinfo answers. */
final class JwksEndpoint implements Endpoint {

    @Override
    public void handle(SimExchange ex) throws IOException {
        if (!ex.isMethod("GET")) {
            ex.header("Allow", "GET");
            ex.json(405, Json.MAPPER.createObjectNode().put("error", "method_not_allowed"));
            return;
        }
        ex.send(200, "application/jwk-set+json", Json.write(ex.sim.signer().jwks()));
    }
}
