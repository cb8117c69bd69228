package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.companysso.testing.Chromium;
import dev.companysso.testing.CompanySsoEnvironmentExtension;
import dev.companysso.testing.NodeRed;
import dev.companysso.testing.TestEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed's story end to end: a real Node-RED 4.1.15 (installed with npm from examples/node-red, started with that
 * example's settings.js) whose editor signs in through Keycloak's {@code node-red} client, Keycloak's Company SSO
 * button and the simulated company SSO's form, in a real Chromium. Keycloak does the SSO's steps 4 and 5; Node-RED
 * turns the ID token's {@code roles} into editor permissions: an admin deploys flows, a reader cannot.
 */
@ExtendWith(CompanySsoEnvironmentExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeRedIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FLOWS = "[{\"id\":\"nodered-it-tab\",\"type\":\"tab\",\"label\":\"Deployed by NodeRedIT\"}]";

    private final TestEnvironment env;
    private final RealmResource realm;
    private final ClientResource client;
    /** HTTP/1.1: Java's default h2c upgrade header would be taken by Node-RED's WebSocket server. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private ClientRepresentation clientBefore;
    private final Set<String> usersBefore = new HashSet<>();
    private NodeRed nodeRed;

    NodeRedIT(TestEnvironment env) {
        this.env = env;
        this.realm = env.admin().realm(TestEnvironment.REALM);
        this.client = E2eSupport.client(realm, "node-red");
    }

    /** npm installs the example's pinned packages (cached under target/), Node-RED starts on a free port. */
    @BeforeAll
    void startNodeRed() {
        for (String user : List.of("zhangsan", "bob")) {
            if (!realm.users().searchByUsername(user, true).isEmpty()) {
                usersBefore.add(user);
            }
        }
        nodeRed = NodeRed.start(env.keycloak().baseUrl());
        // The realm's node-red client knows http://127.0.0.1:1880; this Node-RED listens elsewhere.
        clientBefore = E2eSupport.addRedirectUri(client, nodeRed.callbackUrl());
    }

    @AfterAll
    void stopNodeRed() {
        try {
            if (nodeRed != null) {
                nodeRed.close();
            }
        } finally {
            if (clientBefore != null) {
                client.update(clientBefore);
            }
            for (String user : List.of("zhangsan", "bob")) {
                if (!usersBefore.contains(user)) {
                    realm.users().searchByUsername(user, true).forEach(u -> realm.users().delete(u.getId()).close());
                }
            }
        }
    }

    @Test
    void theLoginScreenOffersCompanySso() throws Exception {
        HttpResponse<String> login = get("/auth/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode prompt = JSON.readTree(login.body()).get("prompts").get(0);
        assertThat(prompt.get("label").asText()).isEqualTo("Sign in with Company SSO");
        assertThat(get("/settings", null).statusCode()).isEqualTo(401);
        assertThat(get("/flows", null).statusCode()).isEqualTo(401);
    }

    @Test
    void anAdminSignsInThroughTheCompanySsoAndDeploys() throws Exception {
        String token = signInThroughTheEditor("zhangsan", "zhangsan-pass", "node-red-editor-admin");

        JsonNode user = JSON.readTree(get("/settings", token).body()).get("user");
        assertThat(user.get("username").asText()).isEqualTo("zhangsan");
        assertThat(user.get("permissions").asText()).isEqualTo("*");

        HttpResponse<String> deploy = postFlows(token);
        assertThat(deploy.statusCode()).as(deploy.body()).isIn(200, 204);
        HttpResponse<String> flows = get("/flows", token);
        assertThat(flows.statusCode()).isEqualTo(200);
        assertThat(flows.body()).contains("Deployed by NodeRedIT");
    }

    @Test
    void aReaderSignsInAndReadsButCannotDeploy() throws Exception {
        String token = signInThroughTheEditor("bob", "bob-pass", "node-red-editor-reader");

        JsonNode user = JSON.readTree(get("/settings", token).body()).get("user");
        assertThat(user.get("username").asText()).isEqualTo("bob");
        assertThat(user.get("permissions").asText()).isEqualTo("read");

        assertThat(get("/flows", token).statusCode()).isEqualTo(200);
        HttpResponse<String> deploy = postFlows(token);
        assertThat(deploy.statusCode()).as(deploy.body()).isIn(401, 403);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * In a fresh Chromium: the editor → "Sign in with Company SSO" → Keycloak's login page → the Company SSO button
     * → the SSO's form → back in the editor as {@code username}. Returns the editor's Node-RED access token.
     */
    private String signInThroughTheEditor(String username, String password, String screenshot) {
        try (Chromium chromium = Chromium.start("en-US")) {
            WebDriver browser = chromium.driver();
            browser.get(nodeRed.baseUrl() + "/");
            WebElement signIn = waitFor(browser, By.xpath(
                    "//a[contains(@class,'red-ui-button')][contains(normalize-space(.),'Sign in with Company SSO')]"));
            signIn.click();

            WebElement companySso = waitFor(browser, By.id("social-company-sso"));
            assertThat(browser.getCurrentUrl())
                    .startsWith(env.keycloak().baseUrl() + "/realms/" + TestEnvironment.REALM + "/")
                    .contains("client_id=node-red");
            companySso.click();

            WebElement ssoForm = waitFor(browser, By.id("sso-login"));
            assertThat(browser.getCurrentUrl()).startsWith(env.sso().baseUrl());
            ssoForm.findElement(By.id("username")).sendKeys(username);
            ssoForm.findElement(By.id("password")).sendKeys(password);
            ssoForm.findElement(By.id("sso-submit")).click();

            // Back in the editor, signed in: the header shows the user menu, the workspace is there.
            WebElement userButton = waitForVisible(browser, By.id("red-ui-header-button-user"));
            waitFor(browser, By.id("red-ui-workspace"));
            assertThat(browser.getCurrentUrl()).startsWith(nodeRed.baseUrl());
            JavascriptExecutor js = (JavascriptExecutor) browser;
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                    d -> username.equals(js.executeScript("return window.RED && RED.settings && RED.settings.user"
                            + " ? RED.settings.user.username : null")));
            userButton.click();
            WebElement name = waitForVisible(browser, By.id("usermenu-item-username"));
            assertThat(name.getText()).isEqualTo(username);
            chromium.screenshot(screenshot);

            Object tokens = js.executeScript("return localStorage.getItem('auth-tokens')");
            assertThat(tokens).as("the editor's Node-RED token in localStorage").isNotNull();
            return JSON.readTree(tokens.toString()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nNode-RED log:\n" + nodeRed.logTail(), e);
        }
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nodeRed.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A full deploy, as the editor's Deploy button does (admin API v1: the body is the flow array). */
    private HttpResponse<String> postFlows(String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(nodeRed.baseUrl() + "/flows"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Node-RED-Deployment-Type", "full")
                .POST(HttpRequest.BodyPublishers.ofString(FLOWS)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static WebElement waitFor(WebDriver browser, By by) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(by));
        } catch (RuntimeException e) {
            throw new AssertionError("No " + by + " on " + browser.getCurrentUrl() + ":\n"
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private static WebElement waitForVisible(WebDriver browser, By by) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (RuntimeException e) {
            throw new AssertionError("No visible " + by + " on " + browser.getCurrentUrl() + ":\n"
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }
}
