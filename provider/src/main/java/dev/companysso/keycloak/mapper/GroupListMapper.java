package dev.companysso.keycloak.mapper;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.GroupModel;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * One mapper, many groups: every value of an array in the profile (e.g. departments) becomes a group membership.
 * A value is one group name under the configured parent group (slashes in it are part of the name); without a
 * parent, a value starting with '/' is a full group path such as '/Company/RD'.
 */
public class GroupListMapper extends AbstractMembershipMapper<GroupModel> {

    public static final String PROVIDER_ID = "company-sso-group-list-mapper";
    static final String PARENT = "parentGroup";

    private static final Logger LOG = Logger.getLogger(GroupListMapper.class);
    private static final List<ProviderConfigProperty> PROPERTIES = translationProperties(
            pathProperties("Where the SSO lists the user's groups or departments.")
                    .property().name(PARENT).label("Parent group").type(ProviderConfigProperty.STRING_TYPE)
                    .helpText("Path of the group under which the SSO's groups live, e.g. '/Company'. Empty: top level "
                            + "(and values starting with '/' are read as full paths).").add(),
            "group");

    public GroupListMapper() {
        super(PROVIDER_ID, "Group Importer", "Company SSO groups from a list",
                "Turns every value of an array in the SSO's profile (e.g. departments) into a group membership, with "
                + "optional translation, prefix and allow-list. Under FORCE sync, memberships this mapper added "
                + "earlier and the SSO no longer lists are removed; others are never touched.",
                PROPERTIES);
    }

    @Override
    protected List<String> names(IdentityProviderMapperModel mapper, JsonNode profile) {
        return translatedNames(mapper, profile, LOG);
    }

    @Override
    protected GroupModel find(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapper, String name,
                              boolean create) {
        boolean mayCreate = create && flag(mapper, NameTranslationSettings.CREATE_MISSING);
        String parentPath = config(mapper, PARENT);
        GroupModel parent = null;
        if (!parentPath.isEmpty()) {
            parent = byPath(session, realm, parentPath, mayCreate);
            if (parent == null) {
                LOG.warnf("Company SSO mapper '%s': no parent group '%s'", mapper.getName(), parentPath);
                return null;
            }
        }
        return parent == null && name.startsWith("/")
                ? byPath(session, realm, name, mayCreate)
                : child(session, realm, parent, name, mayCreate);
    }

    private static GroupModel byPath(KeycloakSession session, RealmModel realm, String path, boolean create) {
        GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, path);
        return group == null && create ? createPath(session, realm, path) : group;
    }

    private static GroupModel createPath(KeycloakSession session, RealmModel realm, String path) {
        GroupModel parent = null;
        for (String name : path.split("/")) {
            if (!name.isBlank()) {
                parent = child(session, realm, parent, name, true);
            }
        }
        return parent;
    }

    /** The group named exactly {@code name} under {@code parent} (top level when null), created if asked. */
    private static GroupModel child(KeycloakSession session, RealmModel realm, GroupModel parent, String name,
                                    boolean create) {
        GroupModel existing = (parent == null
                ? session.groups().getTopLevelGroupsStream(realm, name, true, 0, 10)
                : parent.getSubGroupsStream(name, true, 0, 10))
                .filter(g -> g.getName().equals(name)).findFirst().orElse(null);
        if (existing != null || !create) {
            return existing;
        }
        return parent == null ? session.groups().createGroup(realm, name) : session.groups().createGroup(realm, name, parent);
    }

    @Override
    protected MembershipSync.Memberships<GroupModel> memberships(KeycloakSession session, RealmModel realm,
                                                                 UserModel user, BrokeredIdentityContext context) {
        return new GroupMemberships(session, realm, user, context);
    }
}
