package dev.companysso.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A user of the simulated company SSO. Mutable (tests tweak users through
 * {@link UserDirectory#update}); every field is safe to read from the server threads.
 */
public final class SimUser {

    private volatile String username;
    private volatile String password;
    private volatile Object id;
    private volatile String email;
    private volatile boolean emailVerified = true;
    private volatile String firstName;
    private volatile String lastName;
    private volatile String fullName;
    private final List<String> roles = new CopyOnWriteArrayList<>();
    private final List<Dept> depts = new CopyOnWriteArrayList<>();
    /** As a value in {@link #getExtra()}: leave this field out of the profile altogether. */
    public static final Object OMIT = new Object();

    private final Map<String, Object> extra = Collections.synchronizedMap(new LinkedHashMap<>());

    public SimUser() {
    }

    public SimUser(String username, String password, Object id) {
        this.username = username;
        this.password = password;
        setId(id);
    }

    /** A deep copy (lists and the extra map are copied). */
    public SimUser copy() {
        SimUser c = new SimUser(username, password, id);
        c.email = email;
        c.emailVerified = emailVerified;
        c.firstName = firstName;
        c.lastName = lastName;
        c.fullName = fullName;
        c.roles.addAll(roles);
        c.depts.addAll(depts);
        c.extra.putAll(getExtra());
        return c;
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }

    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }

    /** The user id: a {@link Number} (the default users) or a {@link String}. */
    public Object getId() { return id; }
    public void setId(Object id) {
        if (id != null && !(id instanceof Number) && !(id instanceof String)) {
            throw new IllegalArgumentException("id must be a Number or a String: " + id.getClass());
        }
        this.id = id;
    }

    /** The id as text, e.g. {@code "10001"}. */
    public String idAsString() { return id == null ? null : String.valueOf(id); }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }

    public boolean isEmailVerified() { return emailVerified; }
    public void setEmailVerified(boolean emailVerified) { this.emailVerified = emailVerified; }

    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }

    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }

    /** The full name; when none was set, "first last". */
    public String getFullName() {
        if (fullName != null) {
            return fullName;
        }
        String joined = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return joined.isEmpty() ? null : joined;
    }
    public void setFullName(String fullName) { this.fullName = fullName; }

    /** Live, thread-safe list. */
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) {
        this.roles.clear();
        if (roles != null) {
            this.roles.addAll(roles);
        }
    }

    /** Live, thread-safe list. */
    public List<Dept> getDepts() { return depts; }
    public void setDepts(List<Dept> depts) {
        this.depts.clear();
        if (depts != null) {
            this.depts.addAll(depts);
        }
    }

    /** Live map of additional profile attributes (merged into every profile shape). */
    public Map<String, Object> getExtra() { return extra; }
    public void setExtra(Map<String, Object> extra) {
        synchronized (this.extra) {
            this.extra.clear();
            if (extra != null) {
                this.extra.putAll(extra);
            }
        }
    }

    /** A snapshot of {@link #getExtra()} safe to iterate. */
    Map<String, Object> extraSnapshot() {
        synchronized (extra) {
            return new LinkedHashMap<>(extra);
        }
    }

    @Override
    public String toString() {
        return "SimUser{" + username + ", id=" + id + ", email=" + email + ", roles=" + roles + "}";
    }
}
