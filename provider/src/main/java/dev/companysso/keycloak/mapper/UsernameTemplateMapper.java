package dev.companysso.keycloak.mapper;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.companysso.keycloak.path.JsonPath;
import dev.companysso.keycloak.path.PathSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Builds the Keycloak username from a template over the profile, e.g. '${$.account}' or 'sso-${$.id}'. */
public class UsernameTemplateMapper extends AbstractCompanySsoMapper {

    public static final String PROVIDER_ID = "company-sso-username-template";
    static final String TEMPLATE = "template";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(TEMPLATE).label("Template").type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue("${$.preferred_username}")
            .helpText("The username to give new users. '${<path>}' is replaced by the profile's value at that path, "
                    + "'${ALIAS}' by the provider's alias; e.g. '${$.account}' or '${ALIAS}.${$.id}'.").add()
            .build();

    public UsernameTemplateMapper() {
        super(PROVIDER_ID, "Preprocessor", "Company SSO username template",
                "Formats the username of users created through the Company SSO from values of its profile.",
                PROPERTIES);
    }

    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapper,
                                            BrokeredIdentityContext context) {
        String username = render(config(mapper, TEMPLATE), profile(context), context.getIdpConfig().getAlias());
        if (username != null && !username.isBlank()) {
            context.setModelUsername(username.trim());
        }
    }

    @Override
    ObjectNode preview(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapper, JsonNode profile) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        String username = render(config(mapper, TEMPLATE), profile, mapper.getIdentityProviderAlias());
        if (username == null || username.isBlank()) {
            result.put("outcome", "a placeholder has no value: the SSO's username is kept");
        } else {
            result.put("username", username.trim());
        }
        return result;
    }

    /** The rendered template, or null when a placeholder has no value (the SSO's username is then kept). */
    static String render(String template, JsonNode profile, String alias) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            String value;
            if (name.equals("ALIAS")) {
                value = alias;
            } else {
                try {
                    value = profile == null ? null : JsonPath.compile(name).selectText(profile).orElse(null);
                } catch (PathSyntaxException e) {
                    value = null;
                }
            }
            if (value == null) {
                return null;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
