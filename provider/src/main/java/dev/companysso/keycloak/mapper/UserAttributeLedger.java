package dev.companysso.keycloak.mapper;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.keycloak.models.UserModel;

/**
 * Remembers, per user and mapper, which roles or groups the mapper granted, in a user attribute. Losing or editing
 * it can only make the mapper keep memberships it would have removed; it never grants anything.
 */
final class UserAttributeLedger implements MembershipSync.Ledger {

    static final String PREFIX = "company-sso.granted.";

    private final UserModel user;
    private final String attribute;

    UserAttributeLedger(UserModel user, String mapperId) {
        this.user = user;
        this.attribute = PREFIX + mapperId;
    }

    @Override
    public Set<String> granted() {
        return new LinkedHashSet<>(user.getAttributeStream(attribute).toList());
    }

    @Override
    public void save(Set<String> granted) {
        if (granted.isEmpty()) {
            user.removeAttribute(attribute);
        } else {
            user.setAttribute(attribute, List.copyOf(granted));
        }
    }
}
