package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.companysso.keycloak.config.Setting;
import dev.companysso.keycloak.mapper.RoleListMapper;
import dev.companysso.simulator.CompanySsoSimulator;
import dev.companysso.simulator.Dialect;
import dev.companysso.simulator.SsoPaths;
import dev.companysso.testing.Chromium;
import dev.companysso.testing.CompanySsoEnvironmentExtension;
import dev.companysso.testing.Page;
import dev.companysso.testing.TestEnvironment;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Configured by hand: an admin opens Keycloak's admin console in a real browser (headless Chromium), adds a Company
 * SSO provider through its form for an SSO with a {@code {code,msg,data}} envelope and a renamed client-id parameter
 * ({@code appid}), sees bad input refused with a message naming the field, adds a roles mapper through the Mappers
 * tab, and then a person signs in through the new provider and gets the SSO's roles.
 *
 * <p>The SSO is a second simulator instance of its own (the envelope preset accepting {@code appid}), so the shared
 * one keeps its dialect. Screenshots of the form go to target/test-artifacts/admin-console-*.png.
 */
@ExtendWith(CompanySsoEnvironmentExtension.class)
class AdminConsoleBrowserIT {

    static final String ALIAS = "company-sso-console";
    static final String DISPLAY_NAME = "Company SSO (console)";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final TestEnvironment env;
    private final RealmResource realm;
    private CompanySsoSimulator sso;

    AdminConsoleBrowserIT(TestEnvironment env) {
        this.env = env;
        this.realm = env.admin().realm(TestEnvironment.REALM);
    }

    @BeforeEach
    void ownSsoWithEnvelopeAndAppid() {
        sso = CompanySsoSimulator.start(0);
        sso.dialect(Dialect.envelope().with(b -> b.name("envelope-appid").clientIdParam("appid")));
        deleteProvider();
        deleteUser("zhangsan");
    }

    @AfterEach
    void cleanUp() {
        try {
            deleteProvider();
            deleteUser("zhangsan");
        } finally {
            sso.close();
        }
    }

    @Test
    void addProviderThroughTheFormThenMapperThenSignIn() {
        try (Chromium chromium = Chromium.start("en-US", 1400, 2000)) {
            WebDriver browser = chromium.driver();
            try {
                logIntoAdminConsole(browser);
                openAddForm(browser);
                checkForm(browser, chromium);
                fillAndSaveWithValidation(browser, chromium);
                addRolesMapper(browser, chromium);
            } catch (RuntimeException | AssertionError e) {
                dump(chromium, "admin-console-failure");
                throw e;
            }
        }

        // What the console stored.
        IdentityProviderRepresentation saved = realm.identityProviders().get(ALIAS).toRepresentation();
        assertThat(saved.getProviderId()).isEqualTo("company-sso");
        assertThat(saved.getDisplayName()).isEqualTo(DISPLAY_NAME);
        assertThat(saved.getConfig()).containsEntry("clientId", "aaa")
                .containsEntry(Setting.AUTH_CLIENT_ID_PARAM.key(), "appid")
                .containsEntry(Setting.TOKEN_PAYLOAD_PATH.key(), "$.data")
                .containsEntry(Setting.TOKEN_URL.key(), dialect().get(Setting.TOKEN_URL.key()));
        List<IdentityProviderMapperRepresentation> mappers = realm.identityProviders().get(ALIAS).getMappers();
        assertThat(mappers).singleElement().satisfies(m -> {
            assertThat(m.getIdentityProviderMapper()).isEqualTo(RoleListMapper.PROVIDER_ID);
            assertThat(m.getConfig()).containsEntry("path", "$.roles");
        });

        // A person signs in through the new provider's button on the app's login page.
        Page done = env.app().loginThrough(ALIAS, env.newBrowser(), "zhangsan", "zhangsan-pass");
        assertThat(done.locationParam("code")).as("sign-in through %s; page: %s", ALIAS, done.text()).isPresent();
        assertThat(sso.requests(SsoPaths.AUTHORIZE)).last()
                .satisfies(r -> assertThat(r.queryParam("appid")).isEqualTo("aaa"));

        UserRepresentation user = realm.users().searchByUsername("zhangsan", true).get(0);
        List<FederatedIdentityRepresentation> links = realm.users().get(user.getId()).getFederatedIdentity();
        assertThat(links).extracting(FederatedIdentityRepresentation::getIdentityProvider).containsExactly(ALIAS);
        assertThat(links.get(0).getUserId()).isEqualTo("10001");
        assertThat(realm.users().get(user.getId()).roles().realmLevel().listAll())
                .extracting(RoleRepresentation::getName).contains("admin", "editor").doesNotContain("reader");

        realm.identityProviders().get(ALIAS).remove();
        assertThat(realm.identityProviders().findAll()).extracting(IdentityProviderRepresentation::getAlias)
                .doesNotContain(ALIAS);
    }

    // ------------------------------------------------------------------ steps

    private void logIntoAdminConsole(WebDriver browser) {
        browser.get(env.keycloak().baseUrl() + "/admin/master/console/#/" + TestEnvironment.REALM + "/identity-providers");
        waitFor(browser, By.id("username")).sendKeys(env.keycloak().adminUsername());
        browser.findElement(By.id("password")).sendKeys(env.keycloak().adminPassword());
        browser.findElement(By.id("kc-login")).click();
    }

    private void openAddForm(WebDriver browser) {
        WebElement addProvider = waitClickable(browser, By.xpath("//button[contains(normalize-space(.), 'Add provider')]"));
        addProvider.click();
        WebElement item = waitClickable(browser, By.cssSelector("[data-testid='company-sso']"));
        assertThat(item.getText()).isEqualTo("Company SSO");
        item.click();
        waitFor(browser, By.name("alias"));
        assertThat(browser.getCurrentUrl()).contains("/identity-providers/company-sso/add");
    }

    private void checkForm(WebDriver browser, Chromium chromium) {
        // Every setting, in the order of the Setting list, after Keycloak's general settings.
        List<String> labels = labelsInOrder(browser);
        List<String> expected = Arrays.stream(Setting.values()).map(Setting::label).toList();
        assertThat(labels.stream().filter(expected::contains).toList()).isEqualTo(expected);
        assertThat(labels.indexOf("Client Secret")).isLessThan(labels.indexOf(Setting.AUTHORIZATION_URL.label()));

        // The secret is a password field; URLs are text fields one can type into.
        assertThat(browser.findElement(By.name("config.clientSecret")).getAttribute("type")).isEqualTo("password");
        for (Setting url : List.of(Setting.AUTHORIZATION_URL, Setting.TOKEN_URL, Setting.USERINFO_URL, Setting.LOGOUT_URL)) {
            assertThat(field(browser, url).getTagName()).isEqualTo("input");
            assertThat(field(browser, url).isEnabled()).isTrue();
        }
        assertThat(field(browser, Setting.TOKEN_EXTRA_PARAMS).getTagName()).isEqualTo("textarea");

        // Defaults are filled in.
        assertThat(field(browser, Setting.AUTH_CLIENT_ID_PARAM).getAttribute("value")).isEqualTo("client_id");
        assertThat(field(browser, Setting.ACCESS_TOKEN_PATH).getAttribute("value")).isEqualTo("$.access_token");
        assertThat(field(browser, Setting.ID_PATH).getAttribute("value")).isEqualTo("$.sub");
        assertThat(browser.findElement(By.id(Setting.PKCE.key())).getText()).contains("S256");
        assertThat(browser.findElement(By.id(Setting.SEND_SCOPE.key())).isSelected()).isTrue();
        assertThat(browser.findElement(By.id(Setting.FORWARD_PROMPT.key())).isSelected()).isFalse();

        // Help texts: the (?) next to a label shows the setting's help.
        WebElement help = browser.findElement(By.cssSelector(
                "[data-testid='help-label-config." + Setting.AUTH_CLIENT_ID_PARAM.key() + "']"));
        scrollTo(browser, help);
        help.click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                Setting.AUTH_CLIENT_ID_PARAM.helpText()));
        chromium.screenshot("admin-console-help-text");
        help.click();
    }

    private void fillAndSaveWithValidation(WebDriver browser, Chromium chromium) {
        type(browser.findElement(By.name("alias")), ALIAS);
        type(browser.findElement(By.name("displayName")), DISPLAY_NAME);
        type(browser.findElement(By.name("config.clientId")), "aaa");
        type(browser.findElement(By.name("config.clientSecret")), "bbb");
        Map<String, String> config = dialect();
        config.forEach((key, value) -> {
            if (key.equals(Setting.CLIENT_AUTH_METHOD.key())) {
                // a list: the dialect's value is the default, already selected
                assertThat(browser.findElement(By.id(key)).getText()).isEqualTo(value);
            } else {
                type(browser.findElement(By.name("config." + key)), value);
            }
        });

        scrollTo(browser, browser.findElement(By.name("alias")));
        chromium.screenshot("admin-console-form-top");
        scrollTo(browser, field(browser, Setting.TOKEN_SUCCESS_PATH));
        chromium.screenshot("admin-console-form-middle");
        scrollTo(browser, browser.findElement(By.cssSelector("[data-testid='createProvider']")));
        chromium.screenshot("admin-console-form-bottom");

        // A bad URL: refused with a message naming the field, nothing saved.
        type(field(browser, Setting.TOKEN_URL), "sso.example.com/token");
        String urlError = refusedWith(browser, "Could not create the identity provider");
        assertThat(urlError).contains("'Token URL' (tokenUrl) is not a valid http(s) URL");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                field(browser, Setting.TOKEN_URL));
        chromium.screenshot("admin-console-validation-error");
        assertNotSaved();
        closeAlerts(browser);

        // A bad path expression: the same.
        type(field(browser, Setting.TOKEN_URL), config.get(Setting.TOKEN_URL.key()));
        type(field(browser, Setting.ID_PATH), "$.data[");
        String pathError = refusedWith(browser, "Could not create the identity provider");
        assertThat(pathError).contains("'User ID path' (idPath) is not a valid path");
        chromium.screenshot("admin-console-validation-error-path");
        assertNotSaved();
        closeAlerts(browser);

        // Corrected: saved, the console moves to the provider's page.
        type(field(browser, Setting.ID_PATH), config.get(Setting.ID_PATH.key()));
        clickAdd(browser);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("/" + ALIAS + "/settings"));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Identity provider successfully created"));
        By idPathField = By.name("config." + Setting.ID_PATH.key());
        waitFor(browser, idPathField);
        chromium.screenshot("admin-console-provider-saved");

        // The provider's own page refuses a bad change the same way (update), and keeps what was stored.
        closeAlerts(browser);
        WebElement idPath = typeInto(browser, idPathField, "$.data[");
        WebElement save = idPath.findElement(By.xpath("following::button[@data-testid='idp-details-save'][1]"));
        scrollTo(browser, save);
        save.click();
        By updateAlert = By.xpath("//*[contains(@class, 'c-alert__title')][contains(., 'Could not update the provider')]");
        assertThat(waitFor(browser, updateAlert).getText()).contains("'User ID path' (idPath) is not a valid path");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", idPath);
        chromium.screenshot("admin-console-validation-error-update");
        assertThat(realm.identityProviders().get(ALIAS).toRepresentation().getConfig())
                .containsEntry(Setting.ID_PATH.key(), config.get(Setting.ID_PATH.key()));
        closeAlerts(browser);
    }

    private void addRolesMapper(WebDriver browser, Chromium chromium) {
        waitClickable(browser, By.cssSelector("[data-testid='mappers-tab']")).click();
        waitClickable(browser, By.xpath("//button[normalize-space(.)='Add mapper'] | //a[normalize-space(.)='Add mapper']"))
                .click();
        type(waitFor(browser, By.name("name")), "roles");
        waitClickable(browser, By.id("identityProviderMapper")).click();
        WebElement type = waitClickable(browser, By.cssSelector("[data-testid='" + RoleListMapper.PROVIDER_ID + "']"));
        assertThat(type.getText()).contains("Company SSO roles from a list");
        type.click();
        type(waitFor(browser, By.name("config.path")), "$.roles");
        chromium.screenshot("admin-console-roles-mapper");
        browser.findElement(By.cssSelector("[data-testid='new-mapper-save-button']")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Mapper created successfully"));
    }

    // ------------------------------------------------------------------ helpers

    /** The envelope dialect's worked configuration pointed at our simulator, plus the renamed client-id parameter. */
    private Map<String, String> dialect() {
        Map<String, String> config = new LinkedHashMap<>(WorkedDialects.pointedAt("envelope", sso.baseUrl(),
                env.keycloak().urlSeenByKeycloak(sso.baseUrl())));
        config.remove("clientId");
        config.remove("clientSecret");
        config.put(Setting.AUTH_CLIENT_ID_PARAM.key(), "appid");
        return config;
    }

    private String refusedWith(WebDriver browser, String prefix) {
        clickAdd(browser);
        By alert = By.xpath("//*[contains(@class, 'c-alert__title')][contains(., '" + prefix + "')]");
        return waitFor(browser, alert).getText();
    }

    private static void clickAdd(WebDriver browser) {
        WebElement add = waitClickable(browser, By.cssSelector("[data-testid='createProvider']"));
        scrollTo(browser, add);
        add.click();
    }

    private static void closeAlerts(WebDriver browser) {
        for (WebElement close : browser.findElements(By.cssSelector("[class*='c-alert__action'] button"))) {
            try {
                close.click();
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }

    private void assertNotSaved() {
        assertThat(realm.identityProviders().findAll()).extracting(IdentityProviderRepresentation::getAlias)
                .doesNotContain(ALIAS);
    }

    @SuppressWarnings("unchecked")
    private static List<String> labelsInOrder(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('[class*=\"c-form__label-text\"]'))"
                        + ".map(e => e.textContent.trim());");
    }

    private static WebElement field(WebDriver browser, Setting setting) {
        return browser.findElement(By.name("config." + setting.key()));
    }

    /**
     * Like {@link #type}, for a page that may still re-render (the provider page loads its data after the form
     * appears): the field is found again when React replaced it under our feet.
     */
    private static WebElement typeInto(WebDriver browser, By by, String value) {
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement field = waitFor(browser, by);
                type(field, value);
                return field;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Replaces a React-controlled field's value as a person would: select all, delete, type. */
    private static void type(WebElement field, String value) {
        // centred: the provider page's sticky Save/Revert bar would cover a field at the window's edge
        ((JavascriptExecutor) ((org.openqa.selenium.WrapsDriver) field).getWrappedDriver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(value);
    }

    private static void scrollTo(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
    }

    private static WebElement waitFor(WebDriver browser, By by) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private static WebElement waitClickable(WebDriver browser, By by) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(by));
    }

    /** On failure: a screenshot and the page's HTML next to it. */
    private static void dump(Chromium chromium, String name) {
        try {
            Path png = chromium.screenshot(name);
            Path html = Paths.get(png.toString().replace(".png", ".html"));
            Files.writeString(html, chromium.driver().getCurrentUrl() + "\n" + chromium.driver().getPageSource());
            System.out.println("AdminConsoleBrowserIT: failure page " + png + " and " + html);
        } catch (RuntimeException | IOException e) {
            System.out.println("AdminConsoleBrowserIT: could not save the failure page: " + e);
        }
    }

    private void deleteProvider() {
        if (realm.identityProviders().findAll().stream().anyMatch(p -> ALIAS.equals(p.getAlias()))) {
            realm.identityProviders().get(ALIAS).remove();
        }
    }

    private void deleteUser(String username) {
        realm.users().searchByUsername(username, true).forEach(u -> realm.users().delete(u.getId()).close());
    }
}
