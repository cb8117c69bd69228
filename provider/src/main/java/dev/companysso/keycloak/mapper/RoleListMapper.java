package dev.companysso.keycloak.mapper;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

/** One mapper, many roles: every value of an array in the profile becomes a realm or client role. */
public class RoleListMapper extends AbstractMembershipMapper<RoleModel> {

    public static final String PROVIDER_ID = "company-sso-role-list-mapper";
    static final String CLIENT = "client";

    private static final Logger LOG = Logger.getLogger(RoleListMapper.class);
    private static final List<ProviderConfigProperty> PROPERTIES = translationProperties(
            pathProperties("Where the SSO lists the user's roles.")
                    .property().name(CLIENT).label("Client").type(ProviderConfigProperty.STRING_TYPE)
                    .helpText("Client id whose client roles are mapped. Empty: realm roles.").add(),
            "role");

    public RoleListMapper() {
        super(PROVIDER_ID, "Role Importer", "Company SSO roles from a list",
                "Turns every value of an array in the SSO's profile (also an array of objects) into a realm or client "
                + "role, with optional translation, prefix and allow-list. Under FORCE sync, roles this mapper granted "
                + "earlier and the SSO no longer lists are removed; roles granted otherwise are never touched.",
                PROPERTIES);
    }

    @Override
    protected List<String> names(IdentityProviderMapperModel mapper, JsonNode profile) {
        return translatedNames(mapper, profile, LOG);
    }

    @Override
    protected RoleModel find(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapper, String name,
                             boolean create) {
        String clientId = config(mapper, CLIENT);
        ClientModel client = clientId.isEmpty() ? null : realm.getClientByClientId(clientId);
        if (!clientId.isEmpty() && client == null) {
            LOG.warnf("Company SSO mapper '%s': no client '%s' in realm '%s'", mapper.getName(), clientId, realm.getName());
            return null;
        }
        RoleModel role = client != null ? client.getRole(name) : realm.getRole(name);
        if (role == null && create && flag(mapper, NameTranslationSettings.CREATE_MISSING)) {
            role = client != null ? client.addRole(name) : realm.addRole(name);
        }
        if (role == null) {
            LOG.debugf("Company SSO mapper '%s': no role '%s', skipped", mapper.getName(), name);
        }
        return role;
    }

    @Override
    protected MembershipSync.Memberships<RoleModel> memberships(KeycloakSession session, RealmModel realm,
                                                                UserModel user, BrokeredIdentityContext context) {
        return new RoleMemberships(realm, user, context);
    }
}
