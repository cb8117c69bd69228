package dev.companysso.simulator;

import java.util.Map;

/** The simulator's HTML: login form, error page, logged-out page, index. */
final class HtmlPages {

    static final String TITLE = "Company SSO";

    private static final String CSS = """
            *{box-sizing:border-box}
            body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;
              font-family:-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",Roboto,Helvetica,Arial,sans-serif;
              background:linear-gradient(135deg,#1e3c72 0%,#2a5298 100%);color:#1f2933}
            .card{width:360px;max-width:92vw;background:#fff;border-radius:12px;padding:32px 32px 24px;
              box-shadow:0 18px 40px rgba(0,0,0,.25)}
            .brand{display:flex;align-items:center;gap:10px;margin-bottom:6px}
            .logo{width:36px;height:36px;border-radius:8px;background:#2a5298;color:#fff;font-weight:700;
              display:flex;align-items:center;justify-content:center;font-size:15px}
            h1{font-size:20px;margin:0}
            .sub{color:#616e7c;font-size:13px;margin:0 0 22px}
            label{display:block;font-size:13px;font-weight:600;margin:14px 0 6px}
            input[type=text],input[type=password]{width:100%;padding:10px 12px;font-size:15px;border:1px solid #cbd2d9;
              border-radius:6px;outline:none}
            input:focus{border-color:#2a5298;box-shadow:0 0 0 3px rgba(42,82,152,.18)}
            button{width:100%;margin-top:22px;padding:11px;font-size:15px;font-weight:600;color:#fff;background:#2a5298;
              border:0;border-radius:6px;cursor:pointer}
            button:hover{background:#1e3c72}
            .error{background:#fdecea;color:#a61b1b;border:1px solid #f5c2c0;border-radius:6px;padding:9px 12px;
              font-size:13px;margin-bottom:6px}
            .foot{margin-top:20px;color:#9aa5b1;font-size:11px;text-align:center}
            code{background:#f0f4f8;padding:1px 4px;border-radius:3px}
            ul{padding-left:18px;font-size:13px;line-height:1.7}
            """;

    private HtmlPages() {
    }

    static String login(LoginForm form, String username, String error) {
        StringBuilder hidden = new StringBuilder();
        for (Map.Entry<String, String> f : form.hiddenFields().entrySet()) {
            hidden.append("      <input type=\"hidden\" name=\"").append(esc(f.getKey()))
                    .append("\" value=\"").append(esc(f.getValue())).append("\">\n");
        }
        String errorDiv = error == null ? ""
                : "    <div id=\"sso-error\" class=\"error\" role=\"alert\">" + esc(error) + "</div>\n";
        return page(TITLE, """
                    <div class="brand"><div class="logo">SSO</div><h1>Company SSO</h1></div>
                    <p class="sub">统一身份认证 · Sign in with your company account</p>
                %s    <form id="sso-login" method="post" action="%s" autocomplete="off">
                %s      <label for="username">Username</label>
                      <input type="text" id="username" name="username" value="%s" autofocus required>
                      <label for="password">Password</label>
                      <input type="password" id="password" name="password" required>
                      <button type="submit" id="sso-submit">Sign in</button>
                    </form>
                    <div class="foot">Simulated company SSO for tests and demos</div>
                """.formatted(errorDiv, SsoPaths.LOGIN, hidden, esc(username)));
    }

    static String error(String reason) {
        return page(TITLE + " - Error", """
                    <div class="brand"><div class="logo">SSO</div><h1>Company SSO</h1></div>
                    <p class="sub">The sign-in request was rejected.</p>
                    <div id="sso-error" class="error" role="alert">%s</div>
                """.formatted(esc(reason)));
    }

    static String loggedOut() {
        return page(TITLE + " - Logged out", """
                    <div class="brand"><div class="logo">SSO</div><h1>Company SSO</h1></div>
                    <p id="sso-logged-out" class="sub">logged out</p>
                """);
    }

    /** The stand-in application's landing page: says whether an authorization code arrived (never shows it). */
    static String appCallback(boolean gotCode, String error) {
        String text = gotCode ? "Signed in: the application received an authorization code."
                : "The application received no code" + (error == null ? "." : ": " + error);
        return page("Application", """
                    <div class="brand"><div class="logo">APP</div><h1>Application</h1></div>
                    <p id="app-callback" class="sub" data-code="%s">%s</p>
                """.formatted(gotCode, esc(text)));
    }

    static String index(CompanySsoSimulator sim) {
        return page(TITLE, """
                    <div class="brand"><div class="logo">SSO</div><h1>Company SSO</h1></div>
                    <p class="sub">Simulator &middot; dialect <code>%s</code></p>
                    <ul>
                      <li>authorize: <code>%s</code></li>
                      <li>token: <code>%s</code></li>
                      <li>userinfo: <code>%s</code></li>
                      <li>profile: <code>%s</code></li>
                      <li>jwks: <code>%s</code></li>
                      <li>logout: <code>%s</code></li>
                    </ul>
                """.formatted(esc(sim.dialect().name()), esc(sim.authorizeUrl()), esc(sim.tokenUrl()),
                esc(sim.userinfoUrl()), esc(sim.profileUrl()), esc(sim.jwksUrl()), esc(sim.logoutUrl())));
    }

    private static String page(String title, String content) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="UTF-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s</title>
                  <style>
                %s  </style>
                </head>
                <body>
                  <main class="card">
                %s  </main>
                </body>
                </html>
                """.formatted(esc(title), CSS, content);
    }

    /** HTML-escapes text and attribute values; null becomes "". */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
