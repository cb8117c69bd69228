package dev.companysso.keycloak.mapper;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Role and group mappers: on the first login they grant what the profile asks for; under FORCE they also take back
 * their own earlier grants the SSO no longer lists; under LEGACY they only take back. An absent claim changes
 * nothing (the SSO said nothing); a null or empty one takes back this mapper's grants.
 */
abstract class AbstractMembershipMapper<T> extends AbstractCompanySsoMapper {

    AbstractMembershipMapper(String id, String category, String displayType, String helpText,
                             List<ProviderConfigProperty> properties) {
        super(id, category, displayType, helpText, properties);
    }

    /** The role or group names the profile asks for, or null when it says nothing (claim absent, mapper unusable). */
    protected abstract List<String> names(IdentityProviderMapperModel mapper, JsonNode profile);

    /** The role or group of that name; created when {@code create} and the mapper allows it; null when none. */
    protected abstract T find(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapper, String name,
                              boolean create);

    protected abstract MembershipSync.Memberships<T> memberships(KeycloakSession session, RealmModel realm,
                                                                 UserModel user, BrokeredIdentityContext context);

    @Override
    public void importNewUser(KeycloakSession session, RealmModel realm, UserModel user,
                              IdentityProviderMapperModel mapper, BrokeredIdentityContext context) {
        sync(session, realm, user, mapper, context, MembershipSync.Mode.GRANT);
    }

    @Override
    public void updateBrokeredUser(KeycloakSession session, RealmModel realm, UserModel user,
                                   IdentityProviderMapperModel mapper, BrokeredIdentityContext context) {
        sync(session, realm, user, mapper, context, MembershipSync.Mode.SYNC);
    }

    @Override
    public void updateBrokeredUserLegacy(KeycloakSession session, RealmModel realm, UserModel user,
                                         IdentityProviderMapperModel mapper, BrokeredIdentityContext context) {
        sync(session, realm, user, mapper, context, MembershipSync.Mode.REVOKE_ONLY);
    }

    private void sync(KeycloakSession session, RealmModel realm, UserModel user, IdentityProviderMapperModel mapper,
                      BrokeredIdentityContext context, MembershipSync.Mode mode) {
        List<String> names = names(mapper, profile(context));
        if (names == null) {
            return;
        }
        List<T> wanted = new ArrayList<>();
        for (String name : names) {
            T item = find(session, realm, mapper, name, true);
            if (item != null) {
                wanted.add(item);
            }
        }
        new MembershipSync<>(memberships(session, realm, user, context), new UserAttributeLedger(user, mapper.getId()))
                .apply(wanted, mode);
    }

    /** What a login would grant, without creating or changing anything. */
    @Override
    ObjectNode preview(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapper, JsonNode profile) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        List<String> names = names(mapper, profile);
        if (names == null) {
            result.put("outcome", "claim absent or mapper misconfigured: nothing changes");
            return result;
        }
        var grants = result.putArray("grants");
        var created = result.putArray("wouldCreate");
        var skipped = result.putArray("skipped");
        boolean create = flag(mapper, NameTranslationSettings.CREATE_MISSING);
        for (String name : names) {
            if (find(session, realm, mapper, name, false) != null) {
                grants.add(name);
            } else if (create) {
                created.add(name);
                grants.add(name);
            } else {
                skipped.add(name);
            }
        }
        return result;
    }
}
