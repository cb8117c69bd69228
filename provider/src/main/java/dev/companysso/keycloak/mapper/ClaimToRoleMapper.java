package dev.companysso.keycloak.mapper;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Grants one role when a value at a path equals a given value (or matches a regular expression). */
public class ClaimToRoleMapper extends AbstractMembershipMapper<RoleModel> {

    public static final String PROVIDER_ID = "company-sso-claim-to-role-mapper";
    static final String VALUE = "value";
    static final String REGEX = "regex";
    static final String ROLE = "role";

    private static final Logger LOG = Logger.getLogger(ClaimToRoleMapper.class);
    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(PATH).label("Path").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Path of the value to test, e.g. '$.level' or '$.roles' (an array matches when any element does).")
            .add()
            .property().name(VALUE).label("Value").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("The value that grants the role.").add()
            .property().name(REGEX).label("Value is a regular expression").type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue(false).helpText("Match the value as a Java regular expression over the whole text.").add()
            .property().name(ROLE).label("Role").type(ProviderConfigProperty.ROLE_TYPE)
            .helpText("The realm or client role to grant.").add()
            .build();

    public ClaimToRoleMapper() {
        super(PROVIDER_ID, "Role Importer", "Company SSO claim to role",
                "Grants a role when a value in the SSO's profile equals (or matches) the configured value.",
                PROPERTIES);
    }

    @Override
    protected List<String> names(IdentityProviderMapperModel mapper, JsonNode profile) {
        ProfileValues values = values(mapper, profile);
        if (values == null || values.isAbsent()) {
            return null;
        }
        String expected = config(mapper, VALUE);
        try {
            Pattern pattern = flag(mapper, REGEX) ? Pattern.compile(expected) : null;
            boolean matches = values.values().stream()
                    .anyMatch(v -> pattern != null ? pattern.matcher(v).matches() : v.equals(expected));
            return matches ? List.of(config(mapper, ROLE)) : List.of();
        } catch (PatternSyntaxException e) {
            LOG.warnf("Company SSO mapper '%s': invalid regular expression", mapper.getName());
            return null;
        }
    }

    @Override
    protected RoleModel find(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapper, String name,
                             boolean create) {
        RoleModel role = KeycloakModelUtils.getRoleFromString(realm, name);
        if (role == null) {
            LOG.warnf("Company SSO mapper '%s': role '%s' not found", mapper.getName(), name);
        }
        return role;
    }

    @Override
    protected MembershipSync.Memberships<RoleModel> memberships(KeycloakSession session, RealmModel realm,
                                                                UserModel user, BrokeredIdentityContext context) {
        return new RoleMemberships(realm, user, context);
    }
}
