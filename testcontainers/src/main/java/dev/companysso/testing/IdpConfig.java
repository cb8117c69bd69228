package dev.companysso.testing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.companysso.keycloak.config.Setting;

import org.keycloak.admin.client.resource.IdentityProviderResource;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/**
 * Reconfigures the realm's Company SSO provider through the admin REST API, the way an admin would, and puts it
 * back afterwards. Keys come from {@link Setting}, so a renamed setting breaks the tests at compile time.
 *
 * <pre>
 * IdpConfig.of(env).set(Setting.AUTH_CLIENT_ID_PARAM, "appid").apply();
 * ...
 * IdpConfig.restore(env);   // in an @AfterEach
 * </pre>
 *
 * <p>The provider's configuration as imported from the realm file is captured once per test JVM, before the
 * first change, and {@link #restore} always returns to it, so the order of tests never matters.
 */
public final class IdpConfig {

    /** The realm file's client secret (the simulator's default): the admin API never shows it, so restore sets it. */
    public static final String ORIGINAL_CLIENT_SECRET = "bbb";

    private static IdentityProviderRepresentation original;

    private final IdentityProviderResource resource;
    private final Map<String, String> changes = new LinkedHashMap<>();
    private boolean replaceSettings;

    private IdpConfig(TestEnvironment env) {
        this.resource = resource(env);
        snapshot(resource);
    }

    /** A builder starting from the provider's current configuration. */
    public static IdpConfig of(TestEnvironment env) {
        return new IdpConfig(env);
    }

    public static IdentityProviderResource resource(TestEnvironment env) {
        return env.admin().realm(TestEnvironment.REALM).identityProviders().get(TestEnvironment.IDP_ALIAS);
    }

    public IdpConfig set(Setting setting, String value) {
        changes.put(setting.key(), value);
        return this;
    }

    /** Back to the setting's default (the key is removed from the stored config). */
    public IdpConfig unset(Setting setting) {
        changes.put(setting.key(), null);
        return this;
    }

    public IdpConfig clientId(String clientId) {
        changes.put("clientId", clientId);
        return this;
    }

    public IdpConfig clientSecret(String clientSecret) {
        changes.put("clientSecret", clientSecret);
        return this;
    }

    /**
     * A complete dialect: every Company SSO setting not in {@code config} goes back to its default, Keycloak's own
     * options (sync mode, ...) are kept. {@code config} uses the REST API's keys, e.g. a worked-dialect file.
     */
    public IdpConfig replaceWith(Map<String, String> config) {
        replaceSettings = true;
        changes.putAll(config);
        return this;
    }

    /** The representation this builder would store, without storing it. */
    public IdentityProviderRepresentation representation() {
        IdentityProviderRepresentation rep = resource.toRepresentation();
        Map<String, String> config = new HashMap<>(rep.getConfig());
        if (replaceSettings) {
            for (Setting setting : Setting.values()) {
                config.remove(setting.key());
            }
        }
        changes.forEach((key, value) -> {
            if (value == null) {
                config.remove(key);
            } else {
                config.put(key, value);
            }
        });
        rep.setConfig(config);
        return rep;
    }

    /** Stores the changed configuration (HTTP 400 from Keycloak surfaces as a BadRequestException). */
    public void apply() {
        resource.update(representation());
    }

    /** Puts the provider back to the configuration the realm was imported with. */
    public static void restore(TestEnvironment env) {
        IdentityProviderResource resource = resource(env);
        snapshot(resource);
        IdentityProviderRepresentation rep = copy(original);
        rep.getConfig().put("clientSecret", ORIGINAL_CLIENT_SECRET);
        resource.update(rep);
    }

    private static synchronized void snapshot(IdentityProviderResource resource) {
        if (original == null) {
            original = resource.toRepresentation();
        }
    }

    private static IdentityProviderRepresentation copy(IdentityProviderRepresentation source) {
        IdentityProviderRepresentation rep = source;
        rep.setConfig(new HashMap<>(source.getConfig()));
        return rep;
    }
}
