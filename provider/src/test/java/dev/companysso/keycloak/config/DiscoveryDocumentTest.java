package dev.companysso.keycloak.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DiscoveryDocumentTest {

    @Test
    void fillsEndpointsFromOidcDiscovery() {
        var config = DiscoveryDocument.toConfig("""
                {"issuer":"https://sso.example.com","authorization_endpoint":"https://sso.example.com/auth",
                 "token_endpoint":"https://sso.example.com/token","userinfo_endpoint":"https://sso.example.com/me",
                 "code_challenge_methods_supported":["plain","S256"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic"]}""");

        assertThat(config).containsEntry("authorizationUrl", "https://sso.example.com/auth")
                .containsEntry("tokenUrl", "https://sso.example.com/token")
                .containsEntry("userInfoUrl", "https://sso.example.com/me")
                .containsEntry("issuer", "https://sso.example.com")
                .containsEntry("pkce", "S256")
                .containsEntry("clientAuthMethod", "client_secret_basic");
    }

    @Test
    void rfc8414MetadataWithoutUserinfoOrPkce() {
        var config = DiscoveryDocument.toConfig("""
                {"issuer":"x","authorization_endpoint":"https://a/authorize","token_endpoint":"https://a/token",
                 "code_challenge_methods_supported":[]}""");

        assertThat(config).doesNotContainKeys("userInfoUrl", "clientAuthMethod").containsEntry("pkce", "off");
    }

    @Test
    void refusesSomethingElse() {
        assertThatThrownBy(() -> DiscoveryDocument.toConfig("<html>")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> DiscoveryDocument.toConfig("{\"issuer\":\"x\"}"))
                .hasMessageContaining("authorization_endpoint");
    }
}
