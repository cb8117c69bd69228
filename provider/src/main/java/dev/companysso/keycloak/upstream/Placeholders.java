package dev.companysso.keycloak.upstream;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.companysso.keycloak.path.JsonPath;

/**
 * Fills '${token.<path>}', '${access_token}' and '${client_id}' in configured parameter and header values, so a
 * user info call can carry fields of the token answer (e.g. WeChat's 'openid=${token.openid}').
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private Placeholders() {
    }

    static String fill(String template, TokenAnswer token, String clientId) {
        if (template.indexOf("${") < 0) {
            return template;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(resolve(matcher.group(1).trim(), token, clientId)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String resolve(String name, TokenAnswer token, String clientId) {
        if (name.equals("access_token")) {
            return token.accessToken();
        }
        if (name.equals("client_id")) {
            return clientId == null ? "" : clientId;
        }
        if (name.startsWith("token.") && token.payload() != null) {
            return JsonPath.compile(name.substring("token.".length())).selectText(token.payload()).orElse("");
        }
        return "${" + name + "}"; // unknown: left as written, so the admin sees it in the SSO's complaint
    }
}
