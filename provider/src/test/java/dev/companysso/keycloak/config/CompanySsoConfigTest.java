package dev.companysso.keycloak.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.common.enums.SslRequired;

class CompanySsoConfigTest {

    private static CompanySsoConfig config(Map<String, String> values) {
        CompanySsoConfig config = CompanySsoConfig.withDefaults();
        Map<String, String> merged = new HashMap<>(config.getConfig());
        merged.put("authorizationUrl", "https://sso.example.com/sso/oauth/authorize?uuid=CF7E");
        merged.put("tokenUrl", "https://sso.example.com/sso/oauth/token");
        merged.put("userInfoUrl", "https://sso.example.com/sso/oauth/userinfo");
        merged.putAll(values);
        config.setConfig(merged);
        return config;
    }

    @Test
    void defaultsAreValidAndStandard() {
        CompanySsoConfig config = config(Map.of());
        config.validate(SslRequired.EXTERNAL);
        assertThat(config.getClientAuthMethod()).isEqualTo("client_secret_post");
        assertThat(config.getPkceMethod()).isEqualTo("S256");
        assertThat(config.isUserInfoCallEnabled()).isTrue();
        assertThat(config.path(Setting.ID_PATH).expression()).isEqualTo("$.sub");
        assertThat(config.paramName(Setting.TOKEN_REDIRECT_URI_PARAM)).isEqualTo("redirect_uri");
    }

    @Test
    void aBadPathIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> config(Map.of("idPath", "$.data[")).validate(SslRequired.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("User ID path").hasMessageContaining("idPath");
    }

    @Test
    void aBadUrlIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> config(Map.of("tokenUrl", "not a url")).validate(SslRequired.NONE))
                .hasMessageContaining("Token URL");
        assertThatThrownBy(() -> config(Map.of("tokenUrl", "http://sso.example.com/token")).validate(SslRequired.ALL))
                .hasMessageContaining("Token URL").hasMessageContaining("https");
    }

    @Test
    void listValuesNumbersAndLinesAreChecked() {
        assertThatThrownBy(() -> config(Map.of("pkce", "S512")).validate(SslRequired.NONE)).hasMessageContaining("PKCE");
        assertThatThrownBy(() -> config(Map.of("readTimeoutMillis", "-1")).validate(SslRequired.NONE))
                .hasMessageContaining("Read timeout");
        assertThatThrownBy(() -> config(Map.of("tokenExtraParams", "scope")).validate(SslRequired.NONE))
                .hasMessageContaining("Extra token parameters").hasMessageContaining("line 1");
        assertThatThrownBy(() -> config(Map.of("tokenSuccessPath", "$.code")).validate(SslRequired.NONE))
                .hasMessageContaining("Token success value");
        assertThatThrownBy(() -> config(Map.of("userInfoTokenLocation", "form")).validate(SslRequired.NONE))
                .hasMessageContaining("POST");
    }

    @Test
    void userInfoUrlIsOptionalWithoutAUserInfoCall() {
        config(Map.of("userInfoUrl", "", "userInfoMethod", "none")).validate(SslRequired.NONE);
        assertThatThrownBy(() -> config(Map.of("userInfoUrl", "")).validate(SslRequired.NONE))
                .hasMessageContaining("User info URL").hasMessageContaining("required");
    }

    @Test
    void omittedParametersAndScopes() {
        CompanySsoConfig config = config(Map.of("tokenRedirectUriParam", "-", "defaultScope", "app  read",
                "scopeDelimiter", "comma"));
        assertThat(config.paramName(Setting.TOKEN_REDIRECT_URI_PARAM)).isNull();
        assertThat(String.join(config.scopeDelimiter(), config.scopes())).isEqualTo("app,read");
    }

    @Test
    void nameValueLines() {
        assertThat(NameValue.parseLines("a=1\n\n# comment\nb = x=y\r\n", '='))
                .containsExactly(new NameValue("a", "1"), new NameValue("b", "x=y"));
        assertThat(NameValue.parseLines("X-App-Key: aaa", ':')).containsExactly(new NameValue("X-App-Key", "aaa"));
    }
}
