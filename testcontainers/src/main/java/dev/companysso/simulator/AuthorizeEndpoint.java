package dev.companysso.simulator;

import java.io.IOException;
import java.net.URI;

/** {@code GET /sso/oauth/authorize}: validates the request per dialect and shows the login form. */
final class AuthorizeEndpoint implements Endpoint {

    @Override
    public void handle(SimExchange ex) throws IOException {
        if (!ex.isMethod("GET")) {
            ex.header("Allow", "GET");
            ex.html(405, HtmlPages.error("Method not allowed"));
            return;
        }
        RecordedRequest q = ex.request;
        Dialect d = ex.dialect;
        String problem = problem(ex, q, d);
        if (problem != null) {
            ex.html(400, HtmlPages.error(problem));
            return;
        }
        boolean pkce = d.pkce() != Dialect.Pkce.IGNORED;
        String challenge = pkce ? q.queryParam("code_challenge") : null;
        String method = PkceCheck.effectiveMethod(challenge, q.queryParam("code_challenge_method"));
        LoginForm form = new LoginForm(q.queryParam(d.clientIdParam()), q.queryParam("redirect_uri"),
                q.queryParam("state"), challenge, method, q.queryParam("scope"), q.queryParam("nonce"));
        ex.header("Cache-Control", "no-store");
        ex.html(200, HtmlPages.login(form, "", null));
    }

    private static String problem(SimExchange ex, RecordedRequest q, Dialect d) {
        if (d.requiredUuid() != null) {
            String uuid = q.queryParam("uuid");
            if (uuid == null) {
                return "Missing uuid parameter";
            }
            if (!d.requiredUuid().equals(uuid)) {
                return "Unknown uuid";
            }
        }
        String clientId = q.queryParam(d.clientIdParam());
        if (clientId == null) {
            return "Missing " + d.clientIdParam() + " parameter";
        }
        if (!clientId.equals(ex.sim.clientId())) {
            return "Unknown client: " + clientId;
        }
        String redirect = q.queryParam("redirect_uri");
        if (redirect == null || redirect.isBlank()) {
            return "Missing redirect_uri parameter";
        }
        if (!validRedirectUri(redirect)) {
            return "Invalid redirect_uri";
        }
        String responseType = q.queryParam("response_type");
        if (responseType != null && !responseType.equals("code")) {
            return "Unsupported response_type: " + responseType;
        }
        if (!d.scopeSatisfied(q.queryParam("scope"))) {
            return "Invalid scope: " + d.requiredScope() + " is required";
        }
        return PkceCheck.authorizeProblem(d.pkce(), q.queryParam("code_challenge"),
                q.queryParam("code_challenge_method"));
    }

    static boolean validRedirectUri(String redirect) {
        try {
            URI uri = URI.create(redirect);
            return uri.isAbsolute() && uri.getRawFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
