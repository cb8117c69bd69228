package dev.companysso.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.Map;

/** The single HTTP handler: records every request, counts it, and dispatches by path. */
final class Router implements HttpHandler {

    private final CompanySsoSimulator sim;
    private final Map<String, Endpoint> routes;

    Router(CompanySsoSimulator sim) {
        this.sim = sim;
        Endpoint index = ex -> ex.html(200, HtmlPages.index(ex.sim));
        this.routes = Map.ofEntries(
                Map.entry("/", index),
                Map.entry("/sso", index),
                Map.entry(SsoPaths.AUTHORIZE, new AuthorizeEndpoint()),
                Map.entry(SsoPaths.LOGIN, new LoginEndpoint()),
                Map.entry(SsoPaths.TOKEN, new TokenEndpoint()),
                Map.entry(SsoPaths.USERINFO, UserinfoEndpoint.userinfo()),
                Map.entry(SsoPaths.PROFILE, UserinfoEndpoint.profile()),
                Map.entry(SsoPaths.JWKS, new JwksEndpoint()),
                Map.entry(SsoPaths.LOGOUT, new LogoutEndpoint()),
                Map.entry(SsoPaths.API_ME, new CompanyApiEndpoint()),
                Map.entry(SsoPaths.METADATA, new MetadataEndpoint()),
                Map.entry(SsoPaths.APP_CALLBACK, ex -> ex.html(200, HtmlPages.appCallback(
                        ex.request.queryParam("code") != null, ex.request.queryParam("error")))));
    }

    /** The simulated back-channel latency (token, user info, profile). */
    private void delay(String path) {
        int ms = sim.backChannelLatency();
        if (ms > 0 && (path.equals(SsoPaths.TOKEN) || path.equals(SsoPaths.USERINFO) || path.equals(SsoPaths.PROFILE))) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        try {
            RecordedRequest request = RequestReader.read(http);
            if (request.path().startsWith(ControlEndpoint.PREFIX)) {
                new ControlEndpoint().handle(new SimExchange(http, request, sim.dialect(), sim));
                return;
            }
            sim.log().record(request, http.getRemoteAddress());
            SimExchange ex = new SimExchange(http, request, sim.dialect(), sim);
            try {
                delay(request.path());
                Endpoint endpoint = routes.get(request.path());
                if (endpoint == null) {
                    ex.json(404, Json.MAPPER.createObjectNode().put("error", "not_found")
                            .put("path", request.path()));
                } else {
                    endpoint.handle(ex);
                }
            } catch (RuntimeException | IOException e) {
                if (!ex.responded()) {
                    ex.json(500, Json.MAPPER.createObjectNode().put("error", "server_error")
                            .put("error_description", String.valueOf(e)));
                }
                if (e instanceof RuntimeException) {
                    System.err.println("[company-sso-simulator] " + request + " failed: " + e);
                }
            }
        } finally {
            http.close();
        }
    }
}
