package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.companysso.e2e.E2eSupport.Callback;
import dev.companysso.e2e.E2eSupport.Restore;
import dev.companysso.simulator.Dialect;
import dev.companysso.simulator.Fault;
import dev.companysso.simulator.FaultTarget;
import dev.companysso.testing.BrowserSession;
import dev.companysso.testing.CompanySsoEnvironmentExtension;
import dev.companysso.testing.Page;
import dev.companysso.testing.TestEnvironment;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Hostile and broken SSOs, end to end: for every way the SSO (or a forged callback) can go wrong, the user sees a
 * clear page in their language (English and Simplified Chinese), never a stack trace, secret, code or token, nor
 * HTTP 500; the admin finds an event with the reason; no user or link is created or changed; the next good login
 * works.
 */
@ExtendWith(CompanySsoEnvironmentExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixIT {

    /** Distinctive, so that a leak cannot hide among other strings of the page. */
    static final String CLIENT_SECRET = "fm-Cl1ent-S3cret-9QzX";
    private static final Path OBSERVATIONS = Paths.get(System.getProperty("test.artifacts.dir", "target/test-artifacts"),
            "fault-matrix.txt");

    private final TestEnvironment env;
    private final E2eSupport e2e;
    private final RealmResource realm;
    private Restore secretRestore;
    private UserRepresentation aliceBefore;
    private List<FederatedIdentityRepresentation> aliceLinksBefore;

    FaultMatrixIT(TestEnvironment env) {
        this.env = env;
        this.e2e = new E2eSupport(env);
        this.realm = e2e.realm();
    }

    @BeforeAll
    void linkAliceAndUseADistinctiveSecret() throws IOException {
        Files.createDirectories(OBSERVATIONS.getParent());
        Files.writeString(OBSERVATIONS, "");
        env.sso().reset();
        deleteUser("alice");
        secretRestore = e2e.reconfigure(c -> c.put("clientSecret", CLIENT_SECRET));
        env.sso().client(env.sso().clientId(), CLIENT_SECRET);
        e2e.assertGoodLogin("alice", "alice-pass");
        UserRepresentation alice = realm.users().searchByUsername("alice", true).get(0);
        aliceBefore = realm.users().get(alice.getId()).toRepresentation();
        aliceLinksBefore = realm.users().get(alice.getId()).getFederatedIdentity();
        assertThat(aliceLinksBefore).hasSize(1);
    }

    @AfterAll
    void restore() {
        if (secretRestore != null) {
            secretRestore.close();
        }
        env.sso().reset();
    }

    @BeforeEach
    void goodSsoAndCleanEvents() {
        env.sso().reset();
        env.sso().client(env.sso().clientId(), CLIENT_SECRET);
        // Were a failed login to go through after all, Keycloak would copy this (sync mode FORCE): it must not.
        env.sso().users().update("alice", u -> u.setFirstName("Changed-By-A-Broken-Login"));
        deleteUser("bob");
        realm.clearEvents();
    }

    // ------------------------------------------------------------------------------------------ the SSO's answers

    static Stream<Arguments> brokenAnswers() {
        return Stream.of(
                Arguments.of(FaultTarget.TOKEN, Fault.HTTP_5XX, "sso_http_error", "companySsoHttpError", null),
                Arguments.of(FaultTarget.USERINFO, Fault.HTTP_5XX, "sso_http_error", "companySsoHttpError", null),
                Arguments.of(FaultTarget.TOKEN, Fault.HTML_ERROR_PAGE, "sso_html_page", "companySsoHtmlPage", null),
                Arguments.of(FaultTarget.USERINFO, Fault.HTML_ERROR_PAGE, "sso_html_page", "companySsoHtmlPage", null),
                Arguments.of(FaultTarget.TOKEN, Fault.MALFORMED_JSON, "sso_malformed_response", "companySsoMalformedResponse", null),
                Arguments.of(FaultTarget.USERINFO, Fault.MALFORMED_JSON, "sso_malformed_response", "companySsoMalformedResponse", null),
                Arguments.of(FaultTarget.TOKEN, Fault.EMPTY_BODY, "sso_empty_response", "companySsoEmptyResponse", null),
                Arguments.of(FaultTarget.USERINFO, Fault.EMPTY_BODY, "sso_empty_response", "companySsoEmptyResponse", null),
                Arguments.of(FaultTarget.TOKEN, Fault.WRONG_CONTENT_TYPE, "sso_malformed_response", "companySsoMalformedResponse", null),
                Arguments.of(FaultTarget.USERINFO, Fault.WRONG_CONTENT_TYPE, "sso_malformed_response", "companySsoMalformedResponse", null),
                Arguments.of(FaultTarget.TOKEN, Fault.HUGE_BODY, "sso_response_too_large", "companySsoResponseTooLarge", null),
                Arguments.of(FaultTarget.USERINFO, Fault.HUGE_BODY, "sso_response_too_large", "companySsoResponseTooLarge", null),
                Arguments.of(FaultTarget.TOKEN, Fault.INVALID_UTF8, "sso_invalid_encoding", "companySsoInvalidEncoding", null),
                Arguments.of(FaultTarget.USERINFO, Fault.INVALID_UTF8, "sso_invalid_encoding", "companySsoInvalidEncoding", null),
                Arguments.of(FaultTarget.USERINFO, Fault.MISSING_ID, "sso_missing_user_id", "companySsoMissingUserId", null),
                Arguments.of(FaultTarget.USERINFO, Fault.EMPTY_ID, "sso_missing_user_id", "companySsoMissingUserId", null),
                Arguments.of(FaultTarget.USERINFO, Fault.OBJECT_ID, "sso_invalid_user_id", "companySsoInvalidUserId", null));
    }

    @ParameterizedTest(name = "{0} answers {1}")
    @MethodSource("brokenAnswers")
    void aBrokenAnswerEndsOnAClearPage(FaultTarget target, Fault fault, String reason, String messageKey, String ssoMessage) {
        env.sso().faults().always(target, fault);
        assertFailsCleanly(target + " " + fault, 502, reason, messageKey, ssoMessage);
        assertNothingChangedAndStillHealthy();
    }

    @ParameterizedTest(name = "{0} answers an error envelope")
    @MethodSource("endpoints")
    void anErrorEnvelopeShowsTheSsosOwnMessage(FaultTarget target) {
        env.sso().dialect(Dialect.envelope());
        try (Restore ignored = e2e.reconfigure(envelopeSettings())) {
            env.sso().faults().always(target, Fault.ERROR_ENVELOPE);
            assertFailsCleanly(target + " error envelope", 502, "sso_refused", "companySsoRefused", "system busy");
            // and the envelope configuration itself works once the SSO is well again
            env.sso().faults().clear();
            e2e.assertGoodLogin("zhangsan", "zhangsan-pass");
        }
        assertNothingChangedAndStillHealthy();
    }

    static Stream<FaultTarget> endpoints() {
        return Stream.of(FaultTarget.values());
    }

    @Test
    void anSsoThatRefusesConnections() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/sso/oauth/token";
        try (Restore ignored = e2e.reconfigure(c -> c.put("tokenUrl", url))) {
            assertFailsCleanly("connection refused", 502, "sso_unreachable", "companySsoUnreachable", null);
        }
        assertNothingChangedAndStillHealthy();
    }

    @Test
    void anSsoSlowerThanTheReadTimeout() {
        try (Restore ignored = e2e.reconfigure(c -> c.put("readTimeoutMillis", "1000"))) {
            env.sso().faults().always(FaultTarget.USERINFO, Fault.delay(Duration.ofMillis(2500)));
            long start = System.nanoTime();
            assertFailsCleanly("slow user info", 502, "sso_timeout", "companySsoTimeout", null);
            // two attempts (English, Chinese), each cut off after ~1 s rather than waiting 2.5 s
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2 * 2500));
        }
        assertNothingChangedAndStillHealthy();
    }

    // ------------------------------------------------------------------------------------------ the callback

    @Test
    void theUserCancelsAtTheSso() {
        for (String language : List.of("en", "zh-CN")) {
            Callback callback = e2e.signInUntilCallback(env.newBrowser().language(language), "bob", "bob-pass");
            String denied = withoutParams(callback.url(), "code") + "&error=access_denied&error_description=cancelled";
            Page page = E2eSupport.deliver(callback.browser(), denied);
            observe("error=access_denied [" + language + "]", page);
            E2eSupport.assertCleanPage(page, CLIENT_SECRET, callback.code());
            // Keycloak's own handling of a cancelled brokered login: back to its login page (HTTP 200), with a notice.
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text()).contains(language.equals("en")
                    ? "Access denied when authenticating with Company SSO" : "Company SSO");
            assertKeycloakTextIn(language, page);
        }
        // Keycloak records nothing for a cancel; the provider adds this event.
        assertThat(e2e.events("IDENTITY_PROVIDER_LOGIN_ERROR")).hasSize(2).allSatisfy(event -> {
            assertThat(event.getError()).isEqualTo("access_denied");
            assertThat(event.getDetails().get("reason")).startsWith("sso_access_denied");
        });
        assertThat(env.sso().stats().tokenRequests()).isZero();
        assertNothingChangedAndStillHealthy();
    }

    @Test
    void aCallbackWithoutState() {
        Callback callback = e2e.signInUntilCallback(env.newBrowser(), "bob", "bob-pass");
        Page page = E2eSupport.deliver(callback.browser(), withoutParams(callback.url(), "state"));
        observe("no state [en]", page);
        assertOurPage(page, 400, "companySsoMissingState", null, "en", callback.code());
        Callback zh = e2e.signInUntilCallback(env.newBrowser().language("zh-CN"), "bob", "bob-pass");
        Page chinese = E2eSupport.deliver(zh.browser(), withoutParams(zh.url(), "state"));
        observe("no state [zh-CN]", chinese);
        assertOurPage(chinese, 400, "companySsoMissingState", null, "zh_CN", zh.code());
        assertLoginErrorEvents(2, "callback without state");
        assertThat(env.sso().stats().tokenRequests()).isZero();
        assertNothingChangedAndStillHealthy();
    }

    @Test
    void aCallbackWithAnUnreadableState() {
        Callback callback = e2e.signInUntilCallback(env.newBrowser(), "bob", "bob-pass");
        Page page = E2eSupport.deliver(callback.browser(), withoutParams(callback.url(), "state") + "&state=forged.state.value");
        observe("unreadable forged state [en]", page);
        assertOurPage(page, 400, "companySsoInvalidState", null, "en", callback.code());
        Callback zh = e2e.signInUntilCallback(env.newBrowser().language("zh-CN"), "bob", "bob-pass");
        Page chinese = E2eSupport.deliver(zh.browser(), withoutParams(zh.url(), "state") + "&state=forged.state.value");
        observe("unreadable forged state [zh-CN]", chinese);
        assertOurPage(chinese, 400, "companySsoInvalidState", null, "zh_CN", zh.code());
        // The reason names what Keycloak's state parser threw: from Base64 on 26.5 and later, wrapped in a plain
        // RuntimeException on 26.4 (README, Compatibility). The page and the event are the same on every release.
        String thrown = System.getProperty("keycloak.version", "").startsWith("26.4.")
                ? "RuntimeException" : "IllegalArgumentException";
        assertLoginErrorEvents(2, "callback with an unreadable state (" + thrown + ")");
        assertThat(env.sso().stats().tokenRequests()).isZero();
        assertNothingChangedAndStillHealthy();
    }

    @Test
    void aCallbackWithAWellFormedButForgedState() {
        for (String language : List.of("en", "zh-CN")) {
            Callback callback = e2e.signInUntilCallback(env.newBrowser().language(language), "bob", "bob-pass");
            String state = new Page(302, java.net.URI.create("http://x/"), "", Map.of("location", List.of(callback.url())))
                    .locationParam("state").orElseThrow();
            // Same shape as Keycloak's state (token.tabId.client), but a token this session never issued.
            String forgedState = "QUJDREVGR0hJSktMTU5PUA" + state.substring(state.indexOf('.'));
            Page page = E2eSupport.deliver(callback.browser(),
                    withoutParams(callback.url(), "state") + "&state=" + forgedState);
            observe("well-formed forged state [" + language + "]", page);
            assertKeycloakRefusedTheState(page, callback.code(), language, 0);
            assertThat(page.status()).isEqualTo(200);
            if (language.equals("en")) {
                assertThat(page.text()).contains("Page has expired");
            }
        }
        assertNothingChangedAndStillHealthy();
    }

    @Test
    void aCallbackDeliveredInAnotherBrowser() {
        for (String language : List.of("en", "zh-CN")) {
            Callback callback = e2e.signInUntilCallback(env.newBrowser(), "bob", "bob-pass");
            Page page = E2eSupport.deliver(env.newBrowser().language(language), callback.url());
            observe("state from another browser [" + language + "]", page);
            assertKeycloakRefusedTheState(page, callback.code(), language, 0);
            if (language.equals("en")) {
                assertThat(page.text()).contains("Restart login cookie not found");
            }
        }
        // Keycloak's own event (cookie_not_found) plus the provider's (sso_state_rejected), per attempt
        assertThat(e2e.events("IDENTITY_PROVIDER_LOGIN_ERROR")).hasSize(4)
                .filteredOn(event -> "cookie_not_found".equals(event.getError())).hasSize(2);
        assertNothingChangedAndStillHealthy();
    }

    @Test
    void aCallbackReplayedAfterASuccessfulLogin() {
        Callback callback = e2e.signInUntilCallback(env.newBrowser(), "zhangsan", "zhangsan-pass");
        Page first = E2eSupport.deliver(callback.browser(), callback.url());
        assertThat(first.locationParam("code")).as("first delivery signs in; page: %s", first.text()).isPresent();
        realm.clearEvents();

        Page replay = callback.browser().get(callback.url());
        observe("replayed callback after success (same browser)", replay);
        E2eSupport.assertCleanPage(replay, CLIENT_SECRET, callback.code());
        // Keycloak sees the browser's existing session and sends it back to the app (already_logged_in): the
        // SSO's code is not exchanged again.
        assertThat(env.sso().stats().tokenRequestsFor(callback.code())).isEqualTo(1);
        assertThat(e2e.events("IDENTITY_PROVIDER_LOGIN_ERROR")).singleElement()
                .satisfies(event -> assertThat(event.getError()).isEqualTo("already_logged_in"));
        // In another browser, the replay is refused outright (no cookie).
        Page elsewhere = E2eSupport.deliver(env.newBrowser(), callback.url());
        E2eSupport.assertCleanPage(elsewhere, CLIENT_SECRET, callback.code());
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(env.sso().stats().tokenRequestsFor(callback.code())).isEqualTo(1);
        assertNothingChangedAndStillHealthy();
    }

    @Test
    void aCallbackReplayedAfterAFailedExchange() {
        for (String language : List.of("en", "zh-CN")) {
            Callback callback = e2e.signInUntilCallback(env.newBrowser().language(language), "bob", "bob-pass");
            env.sso().faults().next(FaultTarget.TOKEN, Fault.HTTP_5XX);
            Page first = E2eSupport.deliver(callback.browser(), callback.url());
            assertThat(first.status()).isEqualTo(502);
            // Keycloak moved the login on when the provider answered with its error page: the same callback again
            // gets Keycloak's "page has expired", and the code is not sent to the SSO a second time. (Were it sent,
            // the simulator would refuse the used-up code: FaultSwitchTest.)
            Page replay = E2eSupport.deliver(callback.browser(), callback.url());
            observe("replayed callback after a failed exchange [" + language + "]", replay);
            assertKeycloakRefusedTheState(replay, callback.code(), language, 1);
            assertThat(replay.status()).isEqualTo(200);
            assertThat(env.sso().stats().tokenRequestsFor(callback.code())).isEqualTo(1);
        }
        assertNothingChangedAndStillHealthy();
    }

    @Test
    void aCallbackWithBothCodeAndError() {
        for (String language : List.of("en", "zh_CN")) {
            Callback callback = e2e.signInUntilCallback(env.newBrowser().language(language.replace('_', '-')), "bob", "bob-pass");
            Page page = E2eSupport.deliver(callback.browser(), callback.url() + "&error=server_error");
            observe("code and error [" + language + "]", page);
            assertOurPage(page, 502, "companySsoRefused", "server_error", language, callback.code());
        }
        assertLoginErrorEvents(2, "callback with both code and error");
        assertThat(env.sso().stats().tokenRequests()).as("the code is never exchanged").isZero();
        assertNothingChangedAndStillHealthy();
    }

    @Test
    void anIssuerThatIsNotTheConfiguredOne() {
        env.sso().dialect(Dialect.seed().with(b -> b.issuer("https://evil-sso.example.com")));
        try (Restore ignored = e2e.reconfigure(c -> c.put("issuer", "https://sso.example.com"))) {
            for (String language : List.of("en", "zh_CN")) {
                Callback callback = e2e.signInUntilCallback(env.newBrowser().language(language.replace('_', '-')), "bob", "bob-pass");
                assertThat(callback.url()).contains("iss=");
                Page page = E2eSupport.deliver(callback.browser(), callback.url());
                observe("iss mismatch [" + language + "]", page);
                assertOurPage(page, 400, "companySsoIssuerMismatch", null, language, callback.code());
            }
            assertLoginErrorEvents(2, "iss parameter does not match the configured issuer");
            assertThat(env.sso().stats().tokenRequests()).isZero();

            // the matching issuer is accepted
            env.sso().dialect(Dialect.seed().with(b -> b.issuer("https://sso.example.com")));
            e2e.assertGoodLogin("zhangsan", "zhangsan-pass");
        }
        assertNothingChangedAndStillHealthy();
    }

    // ------------------------------------------------------------------------------------------ checks

    /**
     * The user-facing half twice: bob (not yet a Keycloak user) in English, alice (linked, her SSO profile changed)
     * in Chinese. Then events, users, links, and a good login.
     */
    private void assertFailsCleanly(String name, int status, String reason, String messageKey, String ssoMessage) {
        long usersBefore = realm.users().count();

        Callback bob = e2e.signInUntilCallback(env.newBrowser(), "bob", "bob-pass");
        Page english = E2eSupport.deliver(bob.browser(), bob.url());
        observe(name + " [en]", english);
        assertOurPage(english, status, messageKey, ssoMessage, "en", bob.code());

        Callback alice = e2e.signInUntilCallback(env.newBrowser().language("zh-CN"), "alice", "alice-pass");
        Page chinese = E2eSupport.deliver(alice.browser(), alice.url());
        observe(name + " [zh-CN]", chinese);
        assertOurPage(chinese, status, messageKey, ssoMessage, "zh_CN", alice.code());

        List<EventRepresentation> errors = e2e.events("IDENTITY_PROVIDER_LOGIN_ERROR");
        assertThat(errors).as("events:\n%s", E2eSupport.describe(e2e.events())).hasSize(2).allSatisfy(event -> {
            assertThat(event.getError()).isEqualTo("identity_provider_login_failure");
            assertThat(event.getDetails()).containsEntry("identity_provider", TestEnvironment.IDP_ALIAS);
            assertThat(event.getDetails().get("reason")).startsWith(reason);
        });
        // never retried: each code reached the token endpoint at most once
        assertThat(env.sso().stats().tokenRequestsFor(bob.code())).isLessThanOrEqualTo(1);
        assertThat(env.sso().stats().tokenRequestsFor(alice.code())).isLessThanOrEqualTo(1);
        assertThat(realm.users().count()).isEqualTo(usersBefore);
        assertNothingChanged();
    }

    private void assertOurPage(Page page, int status, String messageKey, String ssoMessage, String language, String code) {
        List<String> secrets = new ArrayList<>(e2e.accessTokensSeenBySso());
        secrets.add(CLIENT_SECRET);
        secrets.add(code);
        E2eSupport.assertCleanPage(page, secrets.toArray(String[]::new));
        assertThat(page.status()).as("status; page: %s", page.text()).isEqualTo(status);
        String expected = E2eSupport.message(language, messageKey, ssoMessage);
        assertThat(page.text()).as("the %s message", language).contains(expected);
        if (!language.equals("en")) {
            assertThat(expected).isNotEqualTo(E2eSupport.message("en", messageKey, ssoMessage));
            assertThat(expected.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN))
                    .as("a Chinese text").isTrue();
        }
    }

    private void assertLoginErrorEvents(int count, String reason) {
        List<EventRepresentation> errors = e2e.events("IDENTITY_PROVIDER_LOGIN_ERROR");
        assertThat(errors).as("events:\n%s", E2eSupport.describe(e2e.events())).hasSize(count).allSatisfy(event -> {
            assertThat(event.getError()).isEqualTo("identity_provider_login_failure");
            assertThat(event.getDetails()).containsEntry("reason", reason);
        });
    }

    /** For state errors Keycloak answers itself (its page, its event); the SSO's code is never exchanged. */
    private void assertKeycloakRefusedTheState(Page page, String code, String language, int tokenRequests) {
        E2eSupport.assertCleanPage(page, CLIENT_SECRET, code);
        assertThat(page.locationParam("code")).isEmpty();
        assertThat(page.status()).as("page: %s", page.text()).isIn(200, 400);
        assertThat(env.sso().stats().tokenRequestsFor(code)).as("the code is not exchanged (again)").isEqualTo(tokenRequests);
        assertThat(e2e.events("IDENTITY_PROVIDER_LOGIN_ERROR")).as("the refusal is recorded")
                .anySatisfy(event -> assertThat(event.getDetails()).containsEntry("reason",
                        "sso_state_rejected: Keycloak refused the callback's state (HTTP " + page.status() + ")"));
        assertKeycloakTextIn(language, page);
    }

    /** Keycloak's own pages: the message area is in the browser's language. */
    private static void assertKeycloakTextIn(String language, Page page) {
        String message = page.document().select("#kc-content, .pf-v5-c-alert, .alert-error, #kc-error-message").text();
        if (message.isBlank()) {
            message = page.text();
        }
        boolean han = message.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                .count() > 4;
        assertThat(han).as("%s page text: %s", language, message).isEqualTo(!language.equals("en"));
    }

    private void assertNothingChangedAndStillHealthy() {
        assertNothingChanged();
        env.sso().faults().clear();
        env.sso().dialect(Dialect.seed());
        e2e.assertGoodLogin("zhangsan", "zhangsan-pass");
    }

    private void assertNothingChanged() {
        assertThat(realm.users().searchByUsername("bob", true)).as("no user for bob").isEmpty();
        UserRepresentation alice = realm.users().get(aliceBefore.getId()).toRepresentation();
        assertThat(alice.getFirstName()).isEqualTo(aliceBefore.getFirstName());
        assertThat(alice.getLastName()).isEqualTo(aliceBefore.getLastName());
        assertThat(alice.getEmail()).isEqualTo(aliceBefore.getEmail());
        assertThat(alice.getAttributes()).isEqualTo(aliceBefore.getAttributes());
        assertThat(realm.users().get(aliceBefore.getId()).getFederatedIdentity())
                .usingRecursiveFieldByFieldElementComparator().isEqualTo(aliceLinksBefore);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Consumer<Map<String, String>> envelopeSettings() {
        return c -> {
            c.put("tokenSuccessPath", "$.code");
            c.put("tokenSuccessValue", "0");
            c.put("tokenPayloadPath", "$.data");
            c.put("tokenErrorMessagePath", "$.msg");
            c.put("userInfoSuccessPath", "$.code");
            c.put("userInfoSuccessValue", "0");
            c.put("userInfoPayloadPath", "$.data");
            c.put("userInfoErrorMessagePath", "$.msg");
        };
    }

    private static String withoutParams(String url, String... names) {
        int q = url.indexOf('?');
        StringBuilder out = new StringBuilder(url.substring(0, q)).append('?');
        String sep = "";
        for (String pair : url.substring(q + 1).split("&")) {
            String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!List.of(names).contains(key)) {
                out.append(sep).append(pair);
                sep = "&";
            }
        }
        return out.toString();
    }

    /** Keeps what each case showed, for the README's table and for diagnosing failures. */
    private void observe(String name, Page page) {
        try {
            Files.writeString(OBSERVATIONS, "== " + name + "\nHTTP " + page.status() + " " + page.uri().getPath() + "\n"
                    + page.text() + "\nevents:\n" + E2eSupport.describe(e2e.events()) + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void deleteUser(String username) {
        realm.users().searchByUsername(username, true).forEach(u -> realm.users().delete(u.getId()).close());
    }
}
