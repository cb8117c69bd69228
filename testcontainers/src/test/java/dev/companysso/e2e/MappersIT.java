package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.companysso.simulator.Dept;
import dev.companysso.simulator.SimUser;
import dev.companysso.testing.CompanySsoEnvironmentExtension;
import dev.companysso.testing.OidcApp;
import dev.companysso.testing.Page;
import dev.companysso.testing.TestEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.IdentityProviderResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;

/**
 * Issue 4 on the real Keycloak: the SSO's roles and departments become Keycloak roles, groups and attributes, and
 * follow the SSO under FORCE sync without touching what an admin granted.
 */
@ExtendWith(CompanySsoEnvironmentExtension.class)
class MappersIT {

    private final TestEnvironment env;
    private final RealmResource realm;
    private final IdentityProviderResource idp;
    private final List<String> mapperIds = new ArrayList<>();
    /** The ready realm's own mappers, set aside while these tests run their own (mapper names are unique). */
    private final List<IdentityProviderMapperRepresentation> realmMappers = new ArrayList<>();

    MappersIT(TestEnvironment env) {
        this.env = env;
        this.realm = env.admin().realm(TestEnvironment.REALM);
        this.idp = realm.identityProviders().get(TestEnvironment.IDP_ALIAS);
    }

    @BeforeEach
    void mappers() {
        env.sso().reset();
        deleteUser("alice");
        setAsideRealmMappers();
        for (String role : List.of("admin", "editor", "reader", "sso-user", "administrators")) {
            if (realm.roles().list(role, true).stream().noneMatch(r -> r.getName().equals(role))) {
                realm.roles().create(new RoleRepresentation(role, null, false));
            }
        }
        env.app(); // the e2e client exists
        ensureRolesInIdToken();
        showUnmanagedAttributesToAdmins();
        addMapper("roles", "company-sso-role-list-mapper", Map.of("path", "$.roles"));
        addMapper("departments", "company-sso-group-list-mapper",
                Map.of("path", "$.depts", "elementPath", "$.code", "parentGroup", "/Company", "createMissing", "true"));
        addMapper("department names", "company-sso-attribute-importer",
                Map.of("path", "$.depts[*].name", "userAttribute", "department"));
        addMapper("admins", "company-sso-claim-to-role-mapper",
                Map.of("path", "$.roles", "value", "adm.*", "regex", "true", "role", "administrators"));
        addMapper("everyone", "oidc-hardcoded-role-idp-mapper", Map.of("role", "sso-user"));
    }

    @AfterEach
    void removeMappers() {
        mapperIds.forEach(idp::delete);
        deleteUser("alice");
        restoreRealmMappers();
    }

    private void setAsideRealmMappers() {
        for (IdentityProviderMapperRepresentation mapper : idp.getMappers()) {
            realmMappers.add(mapper);
            idp.delete(mapper.getId());
        }
    }

    private void restoreRealmMappers() {
        for (IdentityProviderMapperRepresentation mapper : realmMappers) {
            mapper.setId(null);
            idp.addMapper(mapper).close();
        }
        realmMappers.clear();
    }

    @Test
    void rolesGroupsAndAttributesFollowTheSsoAndAdminGrantsSurvive() {
        setAlice(List.of("editor"), List.of(new Dept("RD", "研发部")));
        JsonNode idToken = login();

        UserResource alice = alice();
        assertThat(realmRoles(alice)).contains("editor", "sso-user").doesNotContain("admin", "administrators");
        assertThat(groups(alice)).containsExactly("/Company/RD");
        assertThat(alice.toRepresentation().getAttributes().get("department")).containsExactly("研发部");
        assertThat(roles(idToken)).contains("editor");

        // An admin grants 'reader' by hand.
        alice.roles().realmLevel().add(List.of(realm.roles().get("reader").toRepresentation()));

        // The user changes team at the SSO.
        setAlice(List.of("admin"), List.of(new Dept("OPS", "运维部"), new Dept("QA", "测试部")));
        idToken = login();

        assertThat(realmRoles(alice)).contains("admin", "administrators", "reader", "sso-user").doesNotContain("editor");
        assertThat(groups(alice)).containsExactlyInAnyOrder("/Company/OPS", "/Company/QA");
        assertThat(alice.toRepresentation().getAttributes().get("department")).containsExactly("运维部", "测试部");
        assertThat(roles(idToken)).contains("admin", "reader").doesNotContain("editor");

        // The SSO says "no roles" (an empty list): what the mappers granted goes, the admin's grant stays.
        setAlice(List.of(), List.of(new Dept("OPS", "运维部")));
        login();
        assertThat(realmRoles(alice)).contains("reader", "sso-user").doesNotContain("admin", "administrators", "editor");
    }

    @Test
    void aMissingOrNullClaimRemovesNothing() {
        setAlice(List.of("editor"), List.of(new Dept("RD", "研发部")));
        login();

        env.sso().users().update("alice", u -> u.setExtra(Map.of("roles", SimUser.OMIT, "depts", SimUser.OMIT)));
        login();
        assertThat(realmRoles(alice())).contains("editor");
        assertThat(groups(alice())).containsExactly("/Company/RD");
        assertThat(alice().toRepresentation().getAttributes().get("department")).containsExactly("研发部");

        Map<String, Object> nulls = new HashMap<>();
        nulls.put("depts", null);
        env.sso().users().update("alice", u -> u.setExtra(nulls));
        login();
        assertThat(realmRoles(alice())).contains("editor");
        assertThat(groups(alice())).isEmpty(); // null means "none": the mapper's own membership is taken back
    }

    @Test
    void twoHundredOddValuesMapInOneLogin() {
        addMapper("bulk", "company-sso-role-list-mapper",
                Map.of("path", "$.roles", "prefix", "bulk-", "createMissing", "true"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 197; i++) {
            many.add("team " + i);
        }
        many.addAll(List.of("研发 经理", "R/D lead", "a.b/c d"));
        setAlice(many, List.of(new Dept("R/D", "研发/测试")));

        long started = System.nanoTime();
        login();
        long millis = (System.nanoTime() - started) / 1_000_000;

        List<String> bulk = realmRoles(alice()).stream().filter(r -> r.startsWith("bulk-")).toList();
        assertThat(bulk).hasSize(200).contains("bulk-研发 经理", "bulk-R/D lead", "bulk-a.b/c d");
        assertThat(groups(alice())).containsExactly("/Company/R/D"); // one group named "R/D", not a path
        System.out.printf("MappersIT: 200 roles mapped in one brokered login of %d ms%n", millis);

        setAlice(List.of("team 1"), List.of());
        login();
        assertThat(realmRoles(alice()).stream().filter(r -> r.startsWith("bulk-")).toList()).containsExactly("bulk-team 1");
    }

    @Test
    void importSyncModeActsOnTheFirstLoginOnly() {
        addMapper("import only", "company-sso-role-list-mapper",
                Map.of("path", "$.roles", "prefix", "imp-", "createMissing", "true", "syncMode", "IMPORT"));
        setAlice(List.of("a"), List.of());
        login();
        setAlice(List.of("b"), List.of());
        login();

        assertThat(realmRoles(alice()).stream().filter(r -> r.startsWith("imp-")).toList()).containsExactly("imp-a");
    }

    @Test
    void legacySyncModeOnlyTakesBack() {
        addMapper("legacy", "company-sso-role-list-mapper",
                Map.of("path", "$.roles", "prefix", "leg-", "createMissing", "true", "syncMode", "LEGACY"));
        setAlice(List.of("a"), List.of());
        login(); // first login: granted
        setAlice(List.of("b"), List.of());
        login(); // later: 'a' is taken back, 'b' is not granted

        assertThat(realmRoles(alice()).stream().filter(r -> r.startsWith("leg-")).toList()).isEmpty();
    }

    @Test
    void usernameTemplate() {
        addMapper("username", "company-sso-username-template", Map.of("template", "${ALIAS}.${$.id}"));
        deleteUser("company-sso.10002");
        try {
            login();
            assertThat(realm.users().searchByUsername("company-sso.10002", true)).hasSize(1);
        } finally {
            deleteUser("company-sso.10002");
        }
    }

    private JsonNode login() {
        Page done = env.app().loginThroughSso(env.newBrowser(), "alice", "alice-pass");
        assertThat(done.locationParam("code")).as("login succeeded; page: %s", done.text()).isPresent();
        return OidcApp.claims(env.app().exchangeCode(done.locationParam("code").orElseThrow()).get("id_token").asText());
    }

    private void setAlice(List<String> roles, List<Dept> depts) {
        env.sso().users().update("alice", u -> {
            u.setRoles(roles);
            u.setDepts(depts);
            u.setExtra(Map.of());
        });
    }

    private UserResource alice() {
        return realm.users().get(realm.users().searchByUsername("alice", true).get(0).getId());
    }

    private List<String> realmRoles(UserResource user) {
        return user.roles().realmLevel().listAll().stream().map(RoleRepresentation::getName).toList();
    }

    private List<String> groups(UserResource user) {
        return user.groups().stream().map(GroupRepresentation::getPath).toList();
    }

    private static List<String> roles(JsonNode idToken) {
        List<String> roles = new ArrayList<>();
        idToken.path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private void addMapper(String name, String type, Map<String, String> config) {
        IdentityProviderMapperRepresentation mapper = new IdentityProviderMapperRepresentation();
        mapper.setName(name);
        mapper.setIdentityProviderAlias(TestEnvironment.IDP_ALIAS);
        mapper.setIdentityProviderMapper(type);
        Map<String, String> values = new HashMap<>(config);
        values.putIfAbsent("syncMode", "INHERIT"); // the provider's FORCE
        mapper.setConfig(values);
        try (Response response = idp.addMapper(mapper)) {
            mapperIds.add(CreatedResponseUtil.getCreatedId(response));
        }
    }

    /** The app's ID token carries the user's realm roles as "roles", as Node-RED's setup will need. */
    private void ensureRolesInIdToken() {
        ClientRepresentation client = realm.clients().findByClientId(OidcApp.CLIENT_ID).get(0);
        var mappers = realm.clients().get(client.getId()).getProtocolMappers();
        if (mappers.getMappers().stream().noneMatch(m -> m.getName().equals("realm roles"))) {
            ProtocolMapperRepresentation roles = new ProtocolMapperRepresentation();
            roles.setName("realm roles");
            roles.setProtocol("openid-connect");
            roles.setProtocolMapper("oidc-usermodel-realm-role-mapper");
            roles.setConfig(Map.of("claim.name", "roles", "multivalued", "true", "id.token.claim", "true",
                    "access.token.claim", "true", "jsonType.label", "String"));
            mappers.createMapper(roles).close();
        }
    }

    /**
     * Keycloak's user profile hides attributes it does not declare. Admins either declare imported attributes
     * (here 'department') or let admins see undeclared ones, as this realm does for the test.
     */
    private void showUnmanagedAttributesToAdmins() {
        UPConfig profile = realm.users().userProfile().getConfiguration();
        if (profile.getUnmanagedAttributePolicy() != UPConfig.UnmanagedAttributePolicy.ADMIN_VIEW) {
            profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_VIEW);
            realm.users().userProfile().update(profile);
        }
    }

    private void deleteUser(String username) {
        realm.users().searchByUsername(username, true).forEach(u -> realm.users().delete(u.getId()).close());
    }
}
