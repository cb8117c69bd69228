package dev.companysso.keycloak.mapper;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Copies a value of the profile into a user attribute; an array becomes a multi-valued attribute. An absent claim
 * leaves the attribute alone; a null or empty one clears it.
 */
public class AttributeImporterMapper extends AbstractCompanySsoMapper {

    public static final String PROVIDER_ID = "company-sso-attribute-importer";
    static final String ATTRIBUTE = "userAttribute";

    private static final List<ProviderConfigProperty> PROPERTIES = pathProperties("The value to import.")
            .property().name(ATTRIBUTE).label("User attribute").type(ProviderConfigProperty.USER_PROFILE_ATTRIBUTE_LIST_TYPE)
            .helpText("Name of the user attribute to set, e.g. 'department'.").add()
            .build();

    public AttributeImporterMapper() {
        super(PROVIDER_ID, "Attribute Importer", "Company SSO attribute importer",
                "Imports a value (or every value of an array) from the SSO's profile into a user attribute.",
                PROPERTIES);
    }

    @Override
    public void importNewUser(KeycloakSession session, RealmModel realm, UserModel user,
                              IdentityProviderMapperModel mapper, BrokeredIdentityContext context) {
        apply(user, mapper, context);
    }

    @Override
    public void updateBrokeredUser(KeycloakSession session, RealmModel realm, UserModel user,
                                   IdentityProviderMapperModel mapper, BrokeredIdentityContext context) {
        apply(user, mapper, context);
    }

    @Override
    ObjectNode preview(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapper, JsonNode profile) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("attribute", config(mapper, ATTRIBUTE));
        ProfileValues values = values(mapper, profile);
        if (values == null || values.isAbsent()) {
            result.put("outcome", "claim absent or mapper misconfigured: attribute unchanged");
        } else if (values.values().isEmpty()) {
            result.put("outcome", "attribute removed");
        } else {
            values.values().forEach(result.putArray("values")::add);
        }
        return result;
    }

    private static void apply(UserModel user, IdentityProviderMapperModel mapper, BrokeredIdentityContext context) {
        String attribute = config(mapper, ATTRIBUTE);
        ProfileValues values = values(mapper, profile(context));
        if (attribute.isEmpty() || values == null || values.isAbsent()) {
            return;
        }
        if (values.values().isEmpty()) {
            user.removeAttribute(attribute);
        } else if (!values.values().equals(user.getAttributeStream(attribute).toList())) {
            user.setAttribute(attribute, values.values());
        }
    }
}
