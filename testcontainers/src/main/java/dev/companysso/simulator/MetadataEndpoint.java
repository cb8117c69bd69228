package dev.companysso.simulator;

import java.io.IOException;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /.well-known/oauth-authorization-server}: RFC 8414 metadata, so the provider's discovery can be tested.
 * Some company SSOs publish it; most do not.
 */
final class MetadataEndpoint implements Endpoint {

    @Override
    public void handle(SimExchange ex) throws IOException {
        String base = ex.sim.baseUrl();
        Dialect dialect = ex.dialect;
        ObjectNode metadata = Json.MAPPER.createObjectNode()
                .put("issuer", dialect.issuer() != null ? dialect.issuer() : base)
                .put("authorization_endpoint", ex.sim.authorizeUrl())
                .put("token_endpoint", base + SsoPaths.TOKEN)
                .put("userinfo_endpoint", base + SsoPaths.USERINFO)
                .put("jwks_uri", base + SsoPaths.JWKS);
        metadata.putArray("code_challenge_methods_supported").add("S256").add("plain");
        metadata.putArray("token_endpoint_auth_methods_supported").add("client_secret_post").add("client_secret_basic");
        metadata.putArray("response_types_supported").add("code");
        ex.json(200, metadata);
    }
}
