package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.companysso.testing.Chromium;
import dev.companysso.testing.CompanySsoEnvironmentExtension;
import dev.companysso.testing.OidcApp;
import dev.companysso.testing.TestEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The login page as a person sees it, in a real browser (Debian's Chromium, headless): the Company SSO button
 * comes first and is the page's primary button, a click on it leads through the SSO's form back to the single-page
 * app (public client {@code spa}, PKCE S256), and the page reads right in English and Chinese. Screenshots go to
 * target/test-artifacts/.
 */
@ExtendWith(CompanySsoEnvironmentExtension.class)
class LoginPageBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestEnvironment env;
    private final RealmResource realm;
    private final ClientResource spa;
    private ClientRepresentation spaBefore;

    LoginPageBrowserIT(TestEnvironment env) {
        this.env = env;
        this.realm = env.admin().realm(TestEnvironment.REALM);
        this.spa = E2eSupport.client(realm, "spa");
    }

    /** The simulator's stand-in app page becomes one of spa's redirect URIs, so the browser has a page to land on. */
    @BeforeEach
    void spaRedirectsToAPageWeCanSee() {
        env.sso().reset();
        deleteUser("alice");
        spaBefore = E2eSupport.addRedirectUri(spa, env.sso().appCallbackUrl());
    }

    @AfterEach
    void restore() {
        spa.update(spaBefore);
        deleteUser("alice");
    }

    @Test
    void companySsoButtonFirstThenSsoFormThenBackAtTheApp() {
        Pkce pkce = Pkce.create();
        try (Chromium chromium = Chromium.start("en-US")) {
            WebDriver browser = chromium.driver();
            browser.get(authUrl(pkce, null));
            WebElement button = waitFor(browser, By.id("social-company-sso"));

            // First and prominent: the first link or button of the page's main body, a primary button, labelled
            // with the IdP's display name and showing an icon; the local form is folded away.
            WebElement first = browser.findElement(By.cssSelector("main a[href], main button, main summary"));
            assertThat(first.getAttribute("id")).isEqualTo("social-company-sso");
            assertThat(button.isDisplayed()).isTrue();
            assertThat(button.getAttribute("class")).contains("pf-m-primary");
            assertThat(button.getText()).isEqualTo("Company SSO");
            assertThat(button.findElement(By.cssSelector(".company-sso-icon")).isDisplayed()).isTrue();
            assertThat(button.getSize().getHeight()).isGreaterThanOrEqualTo(40);
            WebElement fold = browser.findElement(By.id("kc-local-login-toggle"));
            assertThat(fold.getText()).isEqualTo("Sign in with a local account");
            assertThat(fold.getLocation().getY()).isGreaterThan(button.getLocation().getY());
            assertThat(browser.findElement(By.id("username")).isDisplayed()).isFalse();
            chromium.screenshot("login-page-en");

            // The local form unfolds on a click.
            fold.click();
            assertThat(waitFor(browser, By.id("username")).isDisplayed()).isTrue();
            chromium.screenshot("login-page-en-local-account");

            // Company SSO: the SSO's own form, then back at the app with a code.
            browser.findElement(By.id("social-company-sso")).click();
            WebElement ssoForm = waitFor(browser, By.id("sso-login"));
            assertThat(browser.getCurrentUrl()).startsWith(env.sso().baseUrl());
            ssoForm.findElement(By.id("username")).sendKeys("alice");
            ssoForm.findElement(By.id("password")).sendKeys("alice-pass");
            ssoForm.findElement(By.id("sso-submit")).click();

            WebElement landed = waitFor(browser, By.id("app-callback"));
            assertThat(landed.getAttribute("data-code")).isEqualTo("true");
            String url = browser.getCurrentUrl();
            assertThat(url).startsWith(env.sso().appCallbackUrl());
            chromium.screenshot("app-after-login");

            JsonNode idToken = exchange(queryParam(url, "code"), pkce);
            assertThat(idToken.get("preferred_username").asText()).isEqualTo("alice");
            assertThat(idToken.get("azp").asText()).isEqualTo("spa");
            List<String> roles = new ArrayList<>();
            idToken.path("roles").forEach(r -> roles.add(r.asText()));
            assertThat(roles).contains("editor");
        }
    }

    @Test
    void theLoginPageInChinese() {
        try (Chromium chromium = Chromium.start("zh-CN")) {
            WebDriver browser = chromium.driver();
            browser.get(authUrl(Pkce.create(), "zh-CN"));
            WebElement button = waitFor(browser, By.id("social-company-sso"));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
            assertThat(browser.findElement(By.cssSelector(".company-sso-intro")).getText()).isEqualTo("使用公司账号登录");
            assertThat(browser.findElement(By.id("kc-local-login-toggle")).getText()).isEqualTo("使用本地账号登录");
            assertThat(browser.findElement(By.id("kc-page-title")).getText()).isEqualTo("登录到您的账户");
            assertThat(button.getText()).isEqualTo("Company SSO"); // the admin's label, in every language
            chromium.screenshot("login-page-zh-CN");
        }
    }

    // ------------------------------------------------------------------ helpers

    private String authUrl(Pkce pkce, String uiLocales) {
        String url = env.keycloak().baseUrl() + "/realms/" + TestEnvironment.REALM + "/protocol/openid-connect/auth"
                + "?client_id=spa&response_type=code&scope=openid"
                + "&redirect_uri=" + encode(env.sso().appCallbackUrl())
                + "&state=" + UUID.randomUUID() + "&nonce=" + UUID.randomUUID()
                + "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256";
        return uiLocales == null ? url : url + "&ui_locales=" + uiLocales;
    }

    private JsonNode exchange(String code, Pkce pkce) {
        Map<String, String> form = Map.of("grant_type", "authorization_code", "code", code, "client_id", "spa",
                "redirect_uri", env.sso().appCallbackUrl(), "code_verifier", pkce.verifier());
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            env.keycloak().baseUrl() + "/realms/" + TestEnvironment.REALM + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return OidcApp.claims(JSON.readTree(response.body()).get("id_token").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static WebElement waitFor(WebDriver browser, By by) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(by));
        } catch (RuntimeException e) {
            throw new AssertionError("No " + by + " on " + browser.getCurrentUrl() + ":\n"
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private static String queryParam(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void deleteUser(String username) {
        realm.users().searchByUsername(username, true).forEach(u -> realm.users().delete(u.getId()).close());
    }

    private record Pkce(String verifier, String challenge) {
        static Pkce create() {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
