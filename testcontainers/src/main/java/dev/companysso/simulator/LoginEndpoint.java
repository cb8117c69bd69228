package dev.companysso.simulator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /sso/oauth/login}: checks the credentials, then redirects back with a code. */
final class LoginEndpoint implements Endpoint {

    static final String INVALID_CREDENTIALS = "Invalid username or password";

    @Override
    public void handle(SimExchange ex) throws IOException {
        if (!ex.isMethod("POST")) {
            ex.header("Allow", "POST");
            ex.html(405, HtmlPages.error("Method not allowed"));
            return;
        }
        LoginForm form = LoginForm.fromPost(ex.request);
        if (form.clientId() == null || !form.clientId().equals(ex.sim.clientId())) {
            ex.html(400, HtmlPages.error("Unknown client"));
            return;
        }
        if (form.redirectUri() == null || !AuthorizeEndpoint.validRedirectUri(form.redirectUri())) {
            ex.html(400, HtmlPages.error("Missing or invalid redirect_uri"));
            return;
        }
        String username = ex.request.formParam("username");
        String password = ex.request.formParam("password");
        SimUser user = ex.sim.users().get(username);
        if (user == null || password == null || !password.equals(user.getPassword())) {
            ex.header("Cache-Control", "no-store");
            ex.html(200, HtmlPages.login(form, username, INVALID_CREDENTIALS));
            return;
        }
        boolean pkce = ex.dialect.pkce() != Dialect.Pkce.IGNORED;
        String challenge = pkce ? form.codeChallenge() : null;
        String method = PkceCheck.effectiveMethod(challenge, form.codeChallengeMethod());
        TokenStore.AuthCode code = ex.sim.tokens().issueCode(form.clientId(), form.redirectUri(), user.getUsername(),
                challenge, method, form.scope(), form.nonce());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code.code());
        params.put("state", form.state());
        params.put("iss", ex.dialect.issuer());
        ex.redirect(FormCodec.appendQuery(form.redirectUri(), params));
    }
}
