package dev.companysso.keycloak.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MembershipSyncTest {

    /** Items are plain strings; "deleted" ones are not found by id any more. */
    private final Set<String> user = new LinkedHashSet<>();
    private final Set<String> wantedElsewhere = new LinkedHashSet<>();
    private final Set<String> deleted = new LinkedHashSet<>();
    private final Map<String, Set<String>> ledgers = new HashMap<>();

    private final MembershipSync.Memberships<String> memberships = new MembershipSync.Memberships<>() {
        public String id(String item) { return item; }
        public String byId(String id) { return deleted.contains(id) ? null : id; }
        public boolean has(String item) { return user.contains(item); }
        public void add(String item) { user.add(item); }
        public void remove(String item) { user.remove(item); }
        public boolean wantedByAnotherMapper(String item) { return wantedElsewhere.contains(item); }
        public void markWanted(String item) { }
    };

    private MembershipSync<String> mapper(String name) {
        ledgers.putIfAbsent(name, new LinkedHashSet<>());
        return new MembershipSync<>(memberships, new MembershipSync.Ledger() {
            public Set<String> granted() { return Set.copyOf(ledgers.get(name)); }
            public void save(Set<String> granted) { ledgers.put(name, new LinkedHashSet<>(granted)); }
        });
    }

    @BeforeEach
    void adminGrantedSomething() {
        user.add("by-admin");
    }

    @Test
    void firstLoginGrantsAndRemembersOnlyWhatItAdded() {
        mapper("roles").apply(List.of("editor", "by-admin"), MembershipSync.Mode.GRANT);

        assertThat(user).containsExactlyInAnyOrder("by-admin", "editor");
        assertThat(ledgers.get("roles")).containsExactly("editor");
    }

    @Test
    void forceSyncTakesBackItsOwnGrantsButNeverOthers() {
        mapper("roles").apply(List.of("editor", "reader"), MembershipSync.Mode.GRANT);

        mapper("roles").apply(List.of("reader"), MembershipSync.Mode.SYNC);
        assertThat(user).containsExactlyInAnyOrder("by-admin", "reader");

        mapper("roles").apply(List.of(), MembershipSync.Mode.SYNC); // the SSO now lists nothing
        assertThat(user).containsExactly("by-admin");
        assertThat(ledgers.get("roles")).isEmpty();
    }

    @Test
    void anAdminGrantOfARoleTheSsoAlsoListsSurvivesWhenTheSsoDropsIt() {
        mapper("roles").apply(List.of("by-admin"), MembershipSync.Mode.SYNC);
        mapper("roles").apply(List.of(), MembershipSync.Mode.SYNC);

        assertThat(user).contains("by-admin");
    }

    @Test
    void aRoleAnotherMapperWantsInTheSameLoginStays() {
        mapper("a").apply(List.of("shared"), MembershipSync.Mode.GRANT);
        wantedElsewhere.add("shared");

        mapper("a").apply(List.of(), MembershipSync.Mode.SYNC);

        assertThat(user).contains("shared");
        assertThat(ledgers.get("a")).containsExactly("shared"); // still ours to take back later
    }

    @Test
    void legacyOnlyTakesBack() {
        mapper("roles").apply(List.of("editor"), MembershipSync.Mode.GRANT);

        mapper("roles").apply(List.of("reader"), MembershipSync.Mode.REVOKE_ONLY);

        assertThat(user).containsExactly("by-admin");
    }

    @Test
    void deletedItemsAreForgotten() {
        mapper("roles").apply(List.of("temp"), MembershipSync.Mode.GRANT);
        deleted.add("temp");
        user.remove("temp");

        mapper("roles").apply(List.of(), MembershipSync.Mode.SYNC);

        assertThat(ledgers.get("roles")).isEmpty();
    }
}
