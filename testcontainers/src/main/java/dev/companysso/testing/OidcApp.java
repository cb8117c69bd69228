package dev.companysso.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * A confidential OIDC client in the test realm, playing the part of Node-RED, Grafana or any app: it starts an
 * authorization-code login at Keycloak and exchanges the code it gets back. It speaks only standard OIDC.
 */
public final class OidcApp {

    public static final String CLIENT_ID = "e2e-app";
    public static final String CLIENT_SECRET = "e2e-app-secret";
    /** Never fetched: the browser stops at it and hands the code to the app. */
    public static final String REDIRECT_URI = "http://127.0.0.1:9/e2e/callback";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestEnvironment env;

    private OidcApp(TestEnvironment env) {
        this.env = env;
    }

    static synchronized OidcApp ensure(TestEnvironment env) {
        var clients = env.admin().realm(TestEnvironment.REALM).clients();
        if (clients.findByClientId(CLIENT_ID).isEmpty()) {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(CLIENT_ID);
            client.setSecret(CLIENT_SECRET);
            client.setPublicClient(false);
            client.setStandardFlowEnabled(true);
            client.setDirectAccessGrantsEnabled(false);
            client.setRedirectUris(List.of(REDIRECT_URI));
            client.setProtocol("openid-connect");
            try (Response response = clients.create(client)) {
                if (response.getStatus() != 201) {
                    throw new IllegalStateException("Could not create client " + CLIENT_ID + ": HTTP " + response.getStatus());
                }
            }
        }
        return new OidcApp(env);
    }

    public String authorizationUrl(String extraQuery) {
        String url = env.keycloak().baseUrl() + "/realms/" + TestEnvironment.REALM + "/protocol/openid-connect/auth"
                + "?client_id=" + CLIENT_ID + "&response_type=code&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8)
                + "&state=" + UUID.randomUUID() + "&nonce=" + UUID.randomUUID();
        return extraQuery == null || extraQuery.isEmpty() ? url : url + "&" + extraQuery;
    }

    public static boolean isAppRedirect(String location) {
        return location.startsWith(REDIRECT_URI);
    }

    /**
     * Opens the app's login at Keycloak, clicks "Company SSO" and returns the simulator's login page (or whatever
     * page the browser got stuck on).
     */
    public Page openCompanySsoLogin(BrowserSession browser) {
        return openCompanySsoLogin(browser, null);
    }

    public Page openCompanySsoLogin(BrowserSession browser, String extraQuery) {
        return openLoginOf(TestEnvironment.IDP_ALIAS, browser, extraQuery);
    }

    /** As {@link #openCompanySsoLogin(BrowserSession, String)}, clicking the button of the provider {@code alias}. */
    public Page openLoginOf(String alias, BrowserSession browser, String extraQuery) {
        Page login = browser.follow(authorizationUrl(extraQuery), OidcApp::isAppRedirect);
        var button = login.document().selectFirst("a#social-" + alias);
        if (button == null) {
            throw new AssertionError("No button for identity provider '" + alias + "' on the Keycloak login page "
                    + login.uri() + ":\n" + login.text());
        }
        return browser.follow(button.absUrl("href"), OidcApp::isAppRedirect);
    }

    /** The whole brokered login; returns the last page: the app's redirect (with a code) or an error page. */
    public Page loginThroughSso(BrowserSession browser, String username, String password) {
        return loginThrough(TestEnvironment.IDP_ALIAS, browser, username, password);
    }

    /** The whole brokered login through the provider {@code alias} (its button on Keycloak's login page). */
    public Page loginThrough(String alias, BrowserSession browser, String username, String password) {
        Page ssoLogin = openLoginOf(alias, browser, null);
        return browser.submit(ssoLogin, "#sso-login", Map.of("username", username, "password", password),
                OidcApp::isAppRedirect);
    }

    /** Exchanges the code the app received, as the app would (client_secret_post). */
    public JsonNode exchangeCode(String code) {
        Map<String, String> form = Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET);
        return postForm(env.keycloak().baseUrl() + "/realms/" + TestEnvironment.REALM + "/protocol/openid-connect/token", form);
    }

    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("Token request failed: HTTP " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
