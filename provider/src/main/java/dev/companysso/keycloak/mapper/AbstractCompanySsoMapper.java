package dev.companysso.keycloak.mapper;

import java.util.List;

import dev.companysso.keycloak.CompanySsoIdentityProviderFactory;
import dev.companysso.keycloak.path.JsonPath;
import dev.companysso.keycloak.path.PathSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;
import org.keycloak.broker.oidc.mappers.AbstractJsonUserAttributeMapper;
import org.keycloak.broker.provider.AbstractIdentityProviderMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * What every Company SSO mapper shares: it is offered for Company SSO providers only, supports every sync mode,
 * and reads the profile document (token answer + user info + second call) with the provider's path syntax.
 */
abstract class AbstractCompanySsoMapper extends AbstractIdentityProviderMapper {

    static final String PATH = "path";
    static final String ELEMENT_PATH = "elementPath";

    private static final Logger LOG = Logger.getLogger(AbstractCompanySsoMapper.class);
    private static final String[] COMPATIBLE_PROVIDERS = {CompanySsoIdentityProviderFactory.PROVIDER_ID};

    private final String id;
    private final String category;
    private final String displayType;
    private final String helpText;
    private final List<ProviderConfigProperty> properties;

    AbstractCompanySsoMapper(String id, String category, String displayType, String helpText,
                             List<ProviderConfigProperty> properties) {
        this.id = id;
        this.category = category;
        this.displayType = displayType;
        this.helpText = helpText;
        this.properties = properties;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getDisplayCategory() {
        return category;
    }

    @Override
    public String getDisplayType() {
        return displayType;
    }

    @Override
    public String getHelpText() {
        return helpText;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return properties;
    }

    @Override
    public String[] getCompatibleProviders() {
        return COMPATIBLE_PROVIDERS.clone();
    }

    @Override
    public boolean supportsSyncMode(IdentityProviderSyncMode syncMode) {
        return true;
    }

    /** The merged profile the provider stored for mappers; null outside a Company SSO login. */
    static JsonNode profile(BrokeredIdentityContext context) {
        Object profile = context.getContextData().get(AbstractJsonUserAttributeMapper.CONTEXT_JSON_NODE);
        return profile instanceof JsonNode node ? node : null;
    }

    /** The values at the mapper's path (and element path), or null when the mapper's paths are unusable. */
    static ProfileValues values(IdentityProviderMapperModel mapper, JsonNode profile) {
        JsonPath path = path(mapper, PATH);
        if (path == null) {
            return null;
        }
        String element = config(mapper, ELEMENT_PATH);
        JsonPath elementPath = element.isEmpty() ? null : path(mapper, ELEMENT_PATH);
        return ProfileValues.read(profile, path, elementPath);
    }

    /** The values translated to role or group names, or null when the claim is absent or the mapper unusable. */
    static List<String> translatedNames(IdentityProviderMapperModel mapper, JsonNode profile, Logger log) {
        ProfileValues values = values(mapper, profile);
        if (values == null || values.isAbsent()) {
            return null;
        }
        try {
            return NameTranslationSettings.of(mapper).apply(values.values());
        } catch (IllegalArgumentException e) {
            log.warnf("Company SSO mapper '%s': translation table %s", mapper.getName(), e.getMessage());
            return null;
        }
    }

    /**
     * What this mapper would do for a profile, for the admin's dry run: nothing is created or changed.
     */
    abstract ObjectNode preview(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapper,
                                JsonNode profile);

    static JsonPath path(IdentityProviderMapperModel mapper, String key) {
        try {
            return JsonPath.compile(config(mapper, key));
        } catch (PathSyntaxException e) {
            // Mapper configs are not validated on save by Keycloak: a broken mapper skips, the login goes on.
            LOG.warnf("Company SSO mapper '%s': invalid %s: %s", mapper.getName(), key, e.getMessage());
            return null;
        }
    }

    static String config(IdentityProviderMapperModel mapper, String key) {
        String value = mapper.getConfig().get(key);
        return value == null ? "" : value.trim();
    }

    static boolean flag(IdentityProviderMapperModel mapper, String key) {
        return Boolean.parseBoolean(config(mapper, key));
    }

    /** The path and element-path fields every list-reading mapper starts with. */
    static ProviderConfigurationBuilder pathProperties(String pathHelp) {
        return ProviderConfigurationBuilder.create()
                .property().name(PATH).label("Path").type(ProviderConfigProperty.STRING_TYPE)
                .helpText(pathHelp + " Same syntax as the provider's paths, e.g. '$.roles' or '$.extra.departments'.")
                .add()
                .property().name(ELEMENT_PATH).label("Path inside each element").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("For an array of objects: the path of the value inside each element, e.g. '$.code' for "
                        + "[{\"code\":\"RD\"}]. Empty for arrays of plain values.")
                .add();
    }

    static List<ProviderConfigProperty> translationProperties(ProviderConfigurationBuilder builder, String what) {
        return builder
                .property().name(NameTranslationSettings.TRANSLATION).label("Translation table")
                .type(ProviderConfigProperty.TEXT_TYPE)
                .helpText("One 'SSO value=" + what + " name' per line. Values not in the table are used as they are, "
                        + "unless 'Only translated values' is on.")
                .add()
                .property().name(NameTranslationSettings.ONLY_TRANSLATED).label("Only translated values")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue(false)
                .helpText("Ignore SSO values that have no line in the translation table.")
                .add()
                .property().name(NameTranslationSettings.PREFIX).label("Prefix").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Put before every " + what + " name, e.g. 'sso-'.")
                .add()
                .property().name(NameTranslationSettings.ALLOW_LIST).label("Allowed names")
                .type(ProviderConfigProperty.TEXT_TYPE)
                .helpText("If set, only these " + what + " names (one per line, after translation and prefix) are "
                        + "mapped; anything else the SSO sends is ignored.")
                .add()
                .property().name(NameTranslationSettings.CREATE_MISSING).label("Create missing " + what + "s")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue(false)
                .helpText("Create a " + what + " the SSO names that does not exist yet. Off: such values are skipped.")
                .add()
                .build();
    }
}
