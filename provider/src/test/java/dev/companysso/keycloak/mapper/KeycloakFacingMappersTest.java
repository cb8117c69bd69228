package dev.companysso.keycloak.mapper;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.oidc.mappers.AbstractJsonUserAttributeMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/** The two mappers whose logic sits on Keycloak's models, with those models mocked. */
class KeycloakFacingMappersTest {

    private final UserModel user = mock(UserModel.class);
    private final BrokeredIdentityContext context = new BrokeredIdentityContext("10001", enabledProvider());

    private static IdentityProviderModel enabledProvider() {
        IdentityProviderModel provider = new IdentityProviderModel();
        provider.setEnabled(true);
        return provider;
    }

    private void profile(String json) throws Exception {
        context.getContextData().put(AbstractJsonUserAttributeMapper.CONTEXT_JSON_NODE, new ObjectMapper().readTree(json));
    }

    private static IdentityProviderMapperModel mapper(Map<String, String> config) {
        IdentityProviderMapperModel mapper = new IdentityProviderMapperModel();
        mapper.setId("m1");
        mapper.setName("test");
        mapper.setConfig(new HashMap<>(config));
        return mapper;
    }

    @Test
    void attributeImporterSetsMultiValuedAttributes() throws Exception {
        profile("{\"depts\":[{\"name\":\"研发部\"},{\"name\":\"运维部\"}]}");
        when(user.getAttributeStream("department")).thenReturn(Stream.empty());

        new AttributeImporterMapper().updateBrokeredUser(null, null, user,
                mapper(Map.of("path", "$.depts", "elementPath", "$.name", "userAttribute", "department")), context);

        verify(user).setAttribute("department", List.of("研发部", "运维部"));
    }

    @Test
    void attributeImporterLeavesAnAbsentClaimAloneAndClearsANullOne() throws Exception {
        profile("{\"other\":1,\"gone\":null}");
        new AttributeImporterMapper().updateBrokeredUser(null, null, user,
                mapper(Map.of("path", "$.missing", "userAttribute", "department")), context);
        verify(user, never()).removeAttribute(anyString());
        verify(user, never()).setAttribute(anyString(), any());

        new AttributeImporterMapper().updateBrokeredUser(null, null, user,
                mapper(Map.of("path", "$.gone", "userAttribute", "department")), context);
        verify(user).removeAttribute("department");
    }

    @Test
    void claimToRoleMatchesExactlyOrByRegex() throws Exception {
        RealmModel realm = mock(RealmModel.class);
        RoleModel role = mock(RoleModel.class);
        when(role.getId()).thenReturn("role-id");
        when(role.getName()).thenReturn("administrators");
        when(realm.getRole("administrators")).thenReturn(role);
        when(user.getAttributeStream(anyString())).thenAnswer(call -> Stream.empty());
        profile("{\"roles\":[\"editor\",\"admin-cn\"]}");

        ClaimToRoleMapper claimToRole = new ClaimToRoleMapper();
        claimToRole.importNewUser(null, realm, user,
                mapper(Map.of("path", "$.roles", "value", "admin", "role", "administrators")), context);
        verify(user, never()).grantRole(any());

        claimToRole.importNewUser(null, realm, user, mapper(Map.of("path", "$.roles", "value", "admin-.*",
                "regex", "true", "role", "administrators")), context);
        verify(user).grantRole(role);
        verify(user).setAttribute(eq(UserAttributeLedger.PREFIX + "m1"), eq(List.of("role-id")));
    }
}
