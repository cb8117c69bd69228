package dev.companysso.keycloak.mapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** What each mapper of a provider would do for a profile: the mapper half of the admin's dry run. */
public final class MapperPreviews {

    private MapperPreviews() {
    }

    public static ArrayNode of(KeycloakSession session, RealmModel realm, String alias, JsonNode profile) {
        ArrayNode previews = JsonNodeFactory.instance.arrayNode();
        session.identityProviders().getMappersByAliasStream(alias).forEach(mapper -> {
            ObjectNode preview = previews.addObject();
            preview.put("name", mapper.getName());
            preview.put("type", mapper.getIdentityProviderMapper());
            IdentityProviderMapper factory = (IdentityProviderMapper) session.getKeycloakSessionFactory()
                    .getProviderFactory(IdentityProviderMapper.class, mapper.getIdentityProviderMapper());
            if (factory instanceof AbstractCompanySsoMapper ours) {
                preview.set("result", ours.preview(session, realm, mapper, profile));
            } else {
                preview.put("result", "not a Company SSO mapper: applied as Keycloak defines it");
            }
        });
        return previews;
    }
}
