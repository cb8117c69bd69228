package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;

import dev.companysso.simulator.CompanySsoSimulator;
import dev.companysso.simulator.SsoPaths;
import dev.companysso.testing.BrowserSession;
import dev.companysso.testing.OidcApp;
import dev.companysso.testing.Page;
import dev.companysso.testing.TestEnvironment;

import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.IdentityProviderResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/** What the fault, limit, secret and security suites share: sign-in steps, IdP changes, events, page checks. */
final class E2eSupport {

    static final String DISPLAY_NAME = "Company SSO";
    static final String BROKER_ENDPOINT = "/broker/" + TestEnvironment.IDP_ALIAS + "/endpoint";

    private final TestEnvironment env;
    private final RealmResource realm;

    E2eSupport(TestEnvironment env) {
        this.env = env;
        this.realm = env.admin().realm(TestEnvironment.REALM);
    }

    RealmResource realm() {
        return realm;
    }

    /** The admin resource of the realm's client with this client id. */
    static ClientResource client(RealmResource realm, String clientId) {
        return realm.clients().get(realm.clients().findByClientId(clientId).get(0).getId());
    }

    /**
     * Lets the client also redirect to {@code uri} (a page a suite's browser can land on) and returns the client as
     * it was, for the suite to restore with {@code client.update(before)}.
     */
    static ClientRepresentation addRedirectUri(ClientResource client, String uri) {
        ClientRepresentation before = client.toRepresentation();
        ClientRepresentation changed = client.toRepresentation();
        List<String> uris = new ArrayList<>(changed.getRedirectUris());
        uris.add(uri);
        changed.setRedirectUris(uris);
        client.update(changed);
        return before;
    }

    static boolean isBrokerCallback(String location) {
        return location.contains(BROKER_ENDPOINT) || OidcApp.isAppRedirect(location);
    }

    /** A sign-in up to the SSO's redirect back to Keycloak, which is not followed. */
    record Callback(BrowserSession browser, String url, String code) {
    }

    Callback signInUntilCallback(BrowserSession browser, String username, String password) {
        Page ssoForm = env.app().openCompanySsoLogin(browser);
        Page redirect = browser.submit(ssoForm, "#sso-login", Map.of("username", username, "password", password),
                E2eSupport::isBrokerCallback);
        String url = redirect.location().orElseThrow(() -> new AssertionError("no redirect to Keycloak; page: " + redirect.text()));
        assertThat(url).contains(BROKER_ENDPOINT);
        return new Callback(browser, url, redirect.locationParam("code").orElse(null));
    }

    /** Delivers the SSO's callback to Keycloak and follows redirects up to the app or a page. */
    static Page deliver(BrowserSession browser, String callbackUrl) {
        return browser.follow(callbackUrl, OidcApp::isAppRedirect);
    }

    /** A complete good sign-in: returns how long it took, fails unless the app receives a code. */
    long assertGoodLogin(String username, String password) {
        long start = System.nanoTime();
        Page done = env.app().loginThroughSso(env.newBrowser(), username, password);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(done.locationParam("code")).as("a good login of %s after the failure; page: %s", username, done.text())
                .isPresent();
        return millis;
    }

    /** Changes the identity provider's config; {@link Restore#close()} puts the original back. */
    Restore reconfigure(Consumer<Map<String, String>> change) {
        IdentityProviderResource idp = realm.identityProviders().get(TestEnvironment.IDP_ALIAS);
        IdentityProviderRepresentation original = idp.toRepresentation();
        IdentityProviderRepresentation changed = idp.toRepresentation();
        change.accept(changed.getConfig());
        idp.update(changed);
        if (!Objects.equals(original.getConfig().get("clientSecret"), changed.getConfig().get("clientSecret"))) {
            // The admin API masks the secret ("**********") and keeps the stored one when it gets the mask back, so
            // restoring the representation would keep the changed secret: put the realm's own value back instead.
            original.getConfig().put("clientSecret", CompanySsoSimulator.DEFAULT_CLIENT_SECRET);
        }
        return () -> idp.update(original);
    }

    interface Restore extends AutoCloseable {
        @Override
        void close();
    }

    /** Every event recorded since the last {@code clearEvents()}, newest first. */
    List<EventRepresentation> events() {
        return realm.getEvents(null, null, null, null, null, null, 0, 200);
    }

    List<EventRepresentation> events(String type) {
        return realm.getEvents(List.of(type), null, null, null, null, null, 0, 200);
    }

    static String describe(List<EventRepresentation> events) {
        StringBuilder sb = new StringBuilder();
        for (EventRepresentation e : events) {
            sb.append(e.getType()).append(" error=").append(e.getError()).append(" details=").append(e.getDetails()).append('\n');
        }
        return sb.toString();
    }

    /** Never a server error, a stack trace or any of the secrets, on the page's text or in its HTML. */
    static void assertCleanPage(Page page, String... secrets) {
        assertThat(page.status()).as("HTTP status of %s", page.uri()).isNotEqualTo(500);
        assertThat(page.body()).as("page %s", page.uri())
                .doesNotContain("Exception", "at org.", "at dev.", "at java.", "NullPointer");
        for (String secret : Arrays.stream(secrets).filter(Objects::nonNull).filter(s -> s.length() >= 4).toList()) {
            assertThat(page.body()).as("page must not show a secret, code or token").doesNotContain(secret);
        }
    }

    /** The provider's user-facing text for a message key, formatted as Keycloak does ({0} display name, {1} SSO message). */
    static String message(String language, String key, String ssoMessage) {
        String file = "/theme-resources/messages/messages_" + language + ".properties";
        Properties bundle = new Properties();
        try (InputStream in = E2eSupport.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is not on the classpath");
            }
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String pattern = bundle.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no message " + key + " in " + file);
        }
        return new MessageFormat(pattern.replace("'", "''")).format(new Object[] {DISPLAY_NAME, ssoMessage == null ? "" : ssoMessage}).strip();
    }

    /** The access tokens Keycloak presented at the user info endpoint (to check they leak nowhere). */
    List<String> accessTokensSeenBySso() {
        return env.sso().requests(SsoPaths.USERINFO).stream()
                .map(r -> r.header("authorization"))
                .filter(Objects::nonNull)
                .map(h -> h.substring(h.indexOf(' ') + 1))
                .toList();
    }
}
