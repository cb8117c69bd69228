package dev.companysso.keycloak.mapper;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/** A user's direct role mappings, as {@link MembershipSync} sees them. */
final class RoleMemberships implements MembershipSync.Memberships<RoleModel> {

    private final RealmModel realm;
    private final UserModel user;
    private final BrokeredIdentityContext context;

    RoleMemberships(RealmModel realm, UserModel user, BrokeredIdentityContext context) {
        this.realm = realm;
        this.user = user;
        this.context = context;
    }

    @Override
    public String id(RoleModel role) {
        return role.getId();
    }

    @Override
    public RoleModel byId(String id) {
        return realm.getRoleById(id);
    }

    @Override
    public boolean has(RoleModel role) {
        return user.hasDirectRole(role);
    }

    @Override
    public void add(RoleModel role) {
        user.grantRole(role);
    }

    @Override
    public void remove(RoleModel role) {
        user.deleteRoleMapping(role);
    }

    @Override
    public boolean wantedByAnotherMapper(RoleModel role) {
        return context.hasMapperGrantedRole(key(role));
    }

    @Override
    public void markWanted(RoleModel role) {
        if (!context.hasMapperGrantedRole(key(role))) {
            context.addMapperGrantedRole(key(role));
        }
    }

    /** The same role string Keycloak's own mappers use: 'role' or 'clientId.role'. */
    private static String key(RoleModel role) {
        return role.isClientRole() ? ((ClientModel) role.getContainer()).getClientId() + "." + role.getName() : role.getName();
    }
}
