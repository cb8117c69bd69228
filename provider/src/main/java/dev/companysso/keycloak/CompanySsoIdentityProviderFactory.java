package dev.companysso.keycloak;

import java.util.List;
import java.util.Map;

import dev.companysso.keycloak.config.CompanySsoConfig;
import dev.companysso.keycloak.config.DiscoveryDocument;
import dev.companysso.keycloak.config.Setting;

import org.keycloak.broker.provider.AbstractIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers "Company SSO" in Keycloak's identity-provider list.
 *
 * <p>The id deliberately contains none of "oidc", "oauth2" or "saml": the admin console picks a built-in form by
 * those substrings, and ours must get the generic form built from {@link #getConfigProperties()}.
 */
public class CompanySsoIdentityProviderFactory extends AbstractIdentityProviderFactory<CompanySsoIdentityProvider> {

    public static final String PROVIDER_ID = "company-sso";

    private static final List<ProviderConfigProperty> CONFIG_PROPERTIES = buildConfigProperties();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "Company SSO";
    }

    // Keycloak reflects on the declared return type to classify the provider: keep it concrete.
    @Override
    public CompanySsoIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        return new CompanySsoIdentityProvider(session, new CompanySsoConfig(model));
    }

    // Keycloak merges the admin's values over this config and then calls validate() on it.
    @Override
    public CompanySsoConfig createConfig() {
        return CompanySsoConfig.withDefaults();
    }

    /**
     * "Import from URL" / discovery: Keycloak fetches the SSO's OAuth 2.0 metadata or OIDC discovery document and
     * hands it here; the answer pre-fills the provider's endpoints.
     */
    @Override
    public Map<String, String> parseConfig(KeycloakSession session, String document) {
        return DiscoveryDocument.toConfig(document);
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG_PROPERTIES;
    }

    private static List<ProviderConfigProperty> buildConfigProperties() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        for (Setting setting : Setting.values()) {
            var property = builder.property()
                    .name(setting.key())
                    .label(setting.label())
                    .helpText(setting.helpText())
                    .type(setting.kind().consoleType());
            if (setting.defaultValue() != null && !setting.defaultValue().isEmpty()) {
                property.defaultValue(setting.kind() == Setting.Kind.BOOLEAN
                        ? Boolean.valueOf(setting.defaultValue()) : setting.defaultValue());
            }
            if (!setting.options().isEmpty()) {
                property.options(setting.options());
            }
            property.add();
        }
        return builder.build();
    }
}
