package dev.companysso.keycloak.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.companysso.keycloak.CompanySsoIdentityProviderFactory;

import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

/** The admin console form as the factory describes it: every setting, in order, each one editable. */
class ConsoleFormTest {

    private final List<ProviderConfigProperty> properties = new CompanySsoIdentityProviderFactory().getConfigProperties();

    @Test
    void everySettingInTheOrderOfTheSettingList() {
        assertThat(properties).extracting(ProviderConfigProperty::getName)
                .containsExactly(java.util.Arrays.stream(Setting.values()).map(Setting::key).toArray(String[]::new));
        assertThat(properties).allSatisfy(p -> {
            assertThat(p.getLabel()).isNotBlank();
            assertThat(p.getHelpText()).isNotBlank();
        });
    }

    /** Keycloak 26's console shows a "Url" property as a read-only link: URLs must be text fields to be typed. */
    @Test
    void everyFieldIsOneTheConsoleCanEdit() {
        assertThat(properties).extracting(ProviderConfigProperty::getType).doesNotContain(ProviderConfigProperty.URL_TYPE)
                .allMatch(type -> List.of(ProviderConfigProperty.STRING_TYPE, ProviderConfigProperty.TEXT_TYPE,
                        ProviderConfigProperty.BOOLEAN_TYPE, ProviderConfigProperty.LIST_TYPE).contains(type));
        assertThat(properties.stream().filter(p -> p.getName().equals(Setting.TOKEN_URL.key())).findFirst().orElseThrow()
                .getType()).isEqualTo(ProviderConfigProperty.STRING_TYPE);
    }

    @Test
    void defaultsAndOptionsAreShown() {
        ProviderConfigProperty pkce = properties.stream().filter(p -> p.getName().equals("pkce")).findFirst().orElseThrow();
        assertThat(pkce.getDefaultValue()).isEqualTo("S256");
        assertThat(pkce.getOptions()).containsExactly("S256", "plain", "off");
        ProviderConfigProperty sendScope = properties.stream().filter(p -> p.getName().equals("sendScope")).findFirst().orElseThrow();
        assertThat(sendScope.getDefaultValue()).isEqualTo(Boolean.TRUE);
    }
}
