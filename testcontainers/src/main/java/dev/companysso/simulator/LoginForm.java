package dev.companysso.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the login form carries between {@code /authorize} and {@code /login} (hidden fields). */
record LoginForm(String clientId, String redirectUri, String state, String codeChallenge,
                 String codeChallengeMethod, String scope, String nonce) {

    /** The hidden fields in form order (null values rendered empty). */
    Map<String, String> hiddenFields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("client_id", clientId);
        m.put("redirect_uri", redirectUri);
        m.put("state", state);
        m.put("code_challenge", codeChallenge);
        m.put("code_challenge_method", codeChallengeMethod);
        m.put("scope", scope);
        m.put("nonce", nonce);
        return m;
    }

    /** Reads the hidden fields back from the posted form; blank values become null. */
    static LoginForm fromPost(RecordedRequest r) {
        return new LoginForm(v(r, "client_id"), v(r, "redirect_uri"), v(r, "state"), v(r, "code_challenge"),
                v(r, "code_challenge_method"), v(r, "scope"), v(r, "nonce"));
    }

    private static String v(RecordedRequest r, String name) {
        String value = r.formParam(name);
        return value == null || value.isBlank() ? null : value;
    }
}
