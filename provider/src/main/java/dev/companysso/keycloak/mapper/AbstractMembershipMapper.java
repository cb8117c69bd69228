package dev.companysso.keycloak.mapper;

import java.util.List;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Role and group mappers: on the first login they grant what the profile asks for; under FORCE they also take back
 * their own earlier grants the SSO no longer lists; under LEGACY they only take back. An absent claim changes
 * nothing (the SSO said nothing); a null or empty one takes back this mapper's grants.
 */
abstract class AbstractMembershipMapper<T> extends AbstractCompanySsoMapper {

    /** The items the profile asks for, or null when the profile says nothing (claim absent, mapper unusable). */
    protected abstract List<T> wanted(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapper,
                                      BrokeredIdentityContext context);

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
        List<T> wanted = wanted(session, realm, mapper, context);
        if (wanted == null) {
            return;
        }
        new MembershipSync<>(memberships(session, realm, user, context), new UserAttributeLedger(user, mapper.getId()))
                .apply(wanted, mode);
    }
}
