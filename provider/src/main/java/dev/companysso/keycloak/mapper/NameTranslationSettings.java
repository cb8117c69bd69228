package dev.companysso.keycloak.mapper;

import org.keycloak.models.IdentityProviderMapperModel;

/** Config keys shared by the role-list and group-list mappers, and the translation they describe. */
final class NameTranslationSettings {

    static final String TRANSLATION = "translation";
    static final String ONLY_TRANSLATED = "onlyTranslated";
    static final String PREFIX = "prefix";
    static final String ALLOW_LIST = "allowList";
    static final String CREATE_MISSING = "createMissing";

    private NameTranslationSettings() {
    }

    static NameTranslation of(IdentityProviderMapperModel mapper) {
        return new NameTranslation(AbstractCompanySsoMapper.config(mapper, TRANSLATION),
                AbstractCompanySsoMapper.flag(mapper, ONLY_TRANSLATED),
                AbstractCompanySsoMapper.config(mapper, PREFIX),
                AbstractCompanySsoMapper.config(mapper, ALLOW_LIST));
    }
}
