package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.companysso.simulator.SsoPaths;
import dev.companysso.testing.CompanySsoEnvironmentExtension;
import dev.companysso.testing.TestEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Issue 9's dry run (an admin REST endpoint) and discovery (Keycloak's import-config), on the real Keycloak. */
@ExtendWith(CompanySsoEnvironmentExtension.class)
class DryRunAndDiscoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCESS_TOKEN = "at-3f9c1e77-SECRET";

    private final TestEnvironment env;
    private final RealmResource realm;
    private String mapperId;

    DryRunAndDiscoveryIT(TestEnvironment env) {
        this.env = env;
        this.realm = env.admin().realm(TestEnvironment.REALM);
    }

    @AfterEach
    void removeMapper() {
        if (mapperId != null) {
            realm.identityProviders().get(TestEnvironment.IDP_ALIAS).delete(mapperId);
        }
    }

    @Test
    void dryRunShowsIdentityAndMapperResultsWithoutCreatingAnyone() throws Exception {
        addRoleListMapper();
        int usersBefore = realm.users().count();
        String body = JSON.writeValueAsString(Map.of(
                "tokenResponse", "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"refresh_token\":\"rt-secret\",\"expires_in\":7200,\"uid\":\"10001\"}",
                "tokenContentType", "text/html",
                "userInfoResponse", "{\"id\":10001,\"account\":\"zhangsan\",\"contact\":{\"email\":\"z@example.com\","
                        + "\"verified\":true},\"name\":{\"first\":\"三\",\"last\":\"张\"},\"roles\":[\"admin\",\"editor\",\"intern\"]}"));

        HttpResponse<String> response = post("/" + TestEnvironment.IDP_ALIAS + "/dry-run", body, adminToken());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(ACCESS_TOKEN).doesNotContain("rt-secret");
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.at("/identity/id").asText()).isEqualTo("10001");
        assertThat(result.at("/identity/username").asText()).isEqualTo("zhangsan");
        assertThat(result.at("/identity/firstName").asText()).isEqualTo("三");
        assertThat(result.at("/tokenAnswer/payload/uid").asText()).isEqualTo("10001");
        JsonNode roles = null;
        for (JsonNode mapper : result.get("mappers")) {
            if (mapper.get("name").asText().equals("dry-run roles")) {
                roles = mapper.get("result");
            }
        }
        assertThat(roles).as("the dry run previews our mapper").isNotNull();
        assertThat(roles.get("grants").toString()).contains("admin", "editor").doesNotContain("intern");
        assertThat(roles.get("skipped").toString()).contains("intern");
        assertThat(realm.users().count()).isEqualTo(usersBefore);
    }

    @Test
    void dryRunReportsWhatTheUserWouldSee() throws Exception {
        String body = JSON.writeValueAsString(Map.of("tokenResponse", "{\"error\":\"invalid_grant\","
                + "\"error_description\":\"code expired\"}"));

        JsonNode result = JSON.readTree(post("/" + TestEnvironment.IDP_ALIAS + "/dry-run", body, adminToken()).body());

        assertThat(result.at("/error/failure").asText()).isEqualTo("REFUSED");
        assertThat(result.at("/error/ssoMessage").asText()).isEqualTo("code expired");
        assertThat(result.at("/error/messageKey").asText()).isEqualTo("companySsoRefused");
    }

    @Test
    void dryRunNeedsAdminRights() throws Exception {
        String body = "{\"tokenResponse\":\"{}\"}";
        assertThat(post("/" + TestEnvironment.IDP_ALIAS + "/dry-run", body, null).statusCode()).isEqualTo(401);
        assertThat(post("/" + TestEnvironment.IDP_ALIAS + "/dry-run", body, plainUserToken()).statusCode()).isEqualTo(403);
        assertThat(post("/no-such-provider/dry-run", body, adminToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void endpointsCanBeFilledFromTheSsosMetadata() {
        Map<String, String> config = realm.identityProviders().importFrom(Map.of("providerId", "company-sso",
                "fromUrl", env.ssoBackchannelUrl(SsoPaths.METADATA)));

        assertThat(config).containsEntry("authorizationUrl", env.sso().authorizeUrl())
                .containsEntry("tokenUrl", env.sso().baseUrl() + SsoPaths.TOKEN)
                .containsEntry("userInfoUrl", env.sso().baseUrl() + SsoPaths.USERINFO)
                .containsEntry("pkce", "S256");
    }

    private void addRoleListMapper() {
        IdentityProviderMapperRepresentation mapper = new IdentityProviderMapperRepresentation();
        mapper.setName("dry-run roles");
        mapper.setIdentityProviderAlias(TestEnvironment.IDP_ALIAS);
        mapper.setIdentityProviderMapper("company-sso-role-list-mapper");
        mapper.setConfig(Map.of("path", "$.roles", "syncMode", "INHERIT"));
        for (String role : List.of("admin", "editor")) {
            if (realm.roles().list(role, true).stream().noneMatch(r -> r.getName().equals(role))) {
                realm.roles().create(new org.keycloak.representations.idm.RoleRepresentation(role, null, false));
            }
        }
        try (Response response = realm.identityProviders().get(TestEnvironment.IDP_ALIAS).addMapper(mapper)) {
            mapperId = CreatedResponseUtil.getCreatedId(response);
        }
    }

    private String adminToken() {
        return env.admin().tokenManager().getAccessTokenString();
    }

    /** A master-realm user without any admin role. */
    private String plainUserToken() throws Exception {
        RealmResource master = env.admin().realm("master");
        if (master.users().searchByUsername("no-rights", true).isEmpty()) {
            UserRepresentation user = new UserRepresentation();
            user.setUsername("no-rights");
            user.setEnabled(true);
            user.setEmail("no-rights@example.com");
            user.setFirstName("No");
            user.setLastName("Rights");
            CredentialRepresentation password = new CredentialRepresentation();
            password.setType("password");
            password.setValue("no-rights-pass");
            password.setTemporary(false);
            user.setCredentials(List.of(password));
            master.users().create(user).close();
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(env.keycloak().baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username=no-rights&password=no-rights-pass"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(env.keycloak().baseUrl() + "/admin/realms/"
                        + TestEnvironment.REALM + "/company-sso" + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
