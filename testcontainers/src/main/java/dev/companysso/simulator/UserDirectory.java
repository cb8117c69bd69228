package dev.companysso.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The simulated SSO's user store: a thread-safe map of {@link SimUser} by username. */
public final class UserDirectory {

    /** {@code user<N>}: the names {@link #generateOnDemand(boolean)} makes up users for. */
    private static final java.util.regex.Pattern GENERATED = java.util.regex.Pattern.compile("user([1-9][0-9]{0,8})");

    private final Map<String, SimUser> users = new LinkedHashMap<>();
    private volatile boolean generateOnDemand;

    public UserDirectory() {
        resetToDefaults();
    }

    /** Adds or replaces the user with the same username. */
    public synchronized void add(SimUser user) {
        if (user == null || user.getUsername() == null) {
            throw new IllegalArgumentException("user and username are required");
        }
        users.put(user.getUsername(), user);
    }

    /** The live user object, or null (with {@link #generateOnDemand(boolean)}: made up for any {@code userN}). */
    public synchronized SimUser get(String username) {
        if (username == null) {
            return null;
        }
        SimUser u = users.get(username);
        if (u == null && generateOnDemand) {
            u = generated(username);
            if (u != null) {
                users.put(username, u);
            }
        }
        return u;
    }

    /**
     * On: any {@code userN} (N from 1 to 999999999) exists with password {@code userN-pass}, id 1000000000 + N,
     * email {@code userN@example.com} and role {@code reader} — created at its first use, for load tests that need
     * fresh users. Off (the default) after {@link #resetToDefaults()}.
     */
    public void generateOnDemand(boolean on) {
        this.generateOnDemand = on;
    }

    /** The user {@link #generateOnDemand(boolean)} would make up for {@code username}, or null. */
    static SimUser generated(String username) {
        java.util.regex.Matcher m = GENERATED.matcher(username);
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return user(username, 1_000_000_000L + n, username + "@example.com", "User", "N" + n, "User N" + n,
                List.of("reader"), List.of(new Dept("RD", "研发部")));
    }

    public synchronized SimUser remove(String username) {
        return users.remove(username);
    }

    /** Applies {@code change} to the user; fails when there is no such user. */
    public synchronized SimUser update(String username, Consumer<SimUser> change) {
        SimUser user = users.get(username);
        if (user == null) {
            throw new IllegalArgumentException("no such user: " + username);
        }
        change.accept(user);
        if (!username.equals(user.getUsername())) {
            users.remove(username);
            users.put(user.getUsername(), user);
        }
        return user;
    }

    /** A snapshot of all users in insertion order. */
    public synchronized List<SimUser> all() {
        return List.copyOf(new ArrayList<>(users.values()));
    }

    /** The user whose id (as text) equals {@code id}, or null. */
    public synchronized SimUser findById(String id) {
        for (SimUser u : users.values()) {
            if (id != null && id.equals(u.idAsString())) {
                return u;
            }
        }
        if (generateOnDemand && id != null && id.matches("1[0-9]{9}")) {
            long n = Long.parseLong(id) - 1_000_000_000L;
            return n > 0 ? get("user" + n) : null;
        }
        return null;
    }

    /** Replaces every user with fresh copies of {@link #defaults()}. */
    public synchronized void resetToDefaults() {
        users.clear();
        generateOnDemand = false;
        for (SimUser u : defaults()) {
            users.put(u.getUsername(), u);
        }
    }

    /** zhangsan, alice and bob (new objects on each call). */
    public static List<SimUser> defaults() {
        return List.of(
                user("zhangsan", 10001, "zhangsan@example.com", "三", "张", "张三",
                        List.of("admin", "editor"), List.of(new Dept("RD", "研发部"), new Dept("OPS", "运维部"))),
                user("alice", 10002, "alice@example.com", "Alice", "Smith", "Alice Smith",
                        List.of("editor"), List.of(new Dept("RD", "研发部"))),
                user("bob", 10003, "bob@example.com", "Bob", "Jones", "Bob Jones",
                        List.of("reader"), List.of(new Dept("SALES", "销售部"))));
    }

    private static SimUser user(String username, long id, String email, String first, String last, String full,
                                List<String> roles, List<Dept> depts) {
        SimUser u = new SimUser(username, username + "-pass", id);
        u.setEmail(email);
        u.setEmailVerified(true);
        u.setFirstName(first);
        u.setLastName(last);
        u.setFullName(full);
        u.setRoles(roles);
        u.setDepts(depts);
        return u;
    }

    @Override
    public synchronized String toString() {
        return "UserDirectory" + users.keySet();
    }
}
