package dev.companysso.keycloak.mapper;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps a user's roles or groups in step with what one mapper wants, without touching anything the mapper did not
 * grant. The mapper's earlier grants are remembered in a {@link Ledger}; a membership the user already had (given
 * by an admin or another mapper) is never recorded, so it is never removed.
 *
 * @param <T> a role or a group
 */
public final class MembershipSync<T> {

    /** How the user's memberships are read and changed; roles and groups each have one. */
    public interface Memberships<T> {
        String id(T item);

        T byId(String id);

        boolean has(T item);

        void add(T item);

        void remove(T item);

        /** True when another mapper wants this item in the same login: then it must stay. */
        boolean wantedByAnotherMapper(T item);

        /** Tells later mappers of the same login that this mapper wants the item. */
        void markWanted(T item);
    }

    /** The ids this mapper granted to this user, kept across logins. */
    public interface Ledger {
        Set<String> granted();

        void save(Set<String> granted);
    }

    public enum Mode {
        /** First login and FORCE: grant what is wanted. */
        GRANT,
        /** FORCE on later logins: grant what is wanted, take back this mapper's grants that are no longer wanted. */
        SYNC,
        /** LEGACY: only take back this mapper's grants that are no longer wanted. */
        REVOKE_ONLY
    }

    private final Memberships<T> memberships;
    private final Ledger ledger;

    public MembershipSync(Memberships<T> memberships, Ledger ledger) {
        this.memberships = memberships;
        this.ledger = ledger;
    }

    public void apply(List<T> wanted, Mode mode) {
        Set<String> granted = new LinkedHashSet<>(ledger.granted());
        Set<String> wantedIds = new LinkedHashSet<>();
        for (T item : wanted) {
            wantedIds.add(memberships.id(item));
            memberships.markWanted(item);
            if (mode != Mode.REVOKE_ONLY && !memberships.has(item)) {
                memberships.add(item);
                granted.add(memberships.id(item));
            }
        }
        if (mode != Mode.GRANT) {
            for (String id : Set.copyOf(granted)) {
                if (wantedIds.contains(id)) {
                    continue;
                }
                T item = memberships.byId(id);
                if (item == null) {
                    granted.remove(id); // deleted since: nothing left to take back
                } else if (!memberships.wantedByAnotherMapper(item)) {
                    memberships.remove(item);
                    granted.remove(id);
                }
            }
        }
        if (!granted.equals(ledger.granted())) {
            ledger.save(granted);
        }
    }
}
