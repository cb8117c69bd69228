package dev.companysso.keycloak.mapper;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** A user's direct group memberships, as {@link MembershipSync} sees them. */
final class GroupMemberships implements MembershipSync.Memberships<GroupModel> {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final BrokeredIdentityContext context;

    GroupMemberships(KeycloakSession session, RealmModel realm, UserModel user, BrokeredIdentityContext context) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.context = context;
    }

    @Override
    public String id(GroupModel group) {
        return group.getId();
    }

    @Override
    public GroupModel byId(String id) {
        return session.groups().getGroupById(realm, id);
    }

    @Override
    public boolean has(GroupModel group) {
        return user.getGroupsStream().anyMatch(g -> g.getId().equals(group.getId()));
    }

    @Override
    public void add(GroupModel group) {
        user.joinGroup(group);
    }

    @Override
    public void remove(GroupModel group) {
        user.leaveGroup(group);
    }

    @Override
    public boolean wantedByAnotherMapper(GroupModel group) {
        return context.hasMapperAssignedGroup(group.getId());
    }

    @Override
    public void markWanted(GroupModel group) {
        if (!context.hasMapperAssignedGroup(group.getId())) {
            context.addMapperAssignedGroup(group.getId());
        }
    }
}
