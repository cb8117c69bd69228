package dev.companysso.keycloak.admin;

import dev.companysso.keycloak.config.CompanySsoConfig;
import dev.companysso.keycloak.config.Setting;
import dev.companysso.keycloak.error.UpstreamCall;
import dev.companysso.keycloak.error.UpstreamException;
import dev.companysso.keycloak.mapper.MapperPreviews;
import dev.companysso.keycloak.profile.ExtractedIdentity;
import dev.companysso.keycloak.profile.IdentityExtractor;
import dev.companysso.keycloak.profile.ProfileDocument;
import dev.companysso.keycloak.response.UpstreamAnswer;
import dev.companysso.keycloak.response.UpstreamResponseReader;
import dev.companysso.keycloak.upstream.SsoClient;
import dev.companysso.keycloak.upstream.TokenAnswer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Runs a provider's dialect over sample answers exactly as a sign-in would (envelopes, paths, identity, mappers),
 * without calling the SSO and without creating or changing anything. Tokens are replaced by a marker.
 */
final class DryRun {

    static final String REDACTED = "[redacted]";

    private DryRun() {
    }

    static ObjectNode run(KeycloakSession session, RealmModel realm, IdentityProviderModel model, DryRunRequest request) {
        CompanySsoConfig config = new CompanySsoConfig(model);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        try {
            TokenAnswer token = SsoClient.readTokenAnswer(config, UpstreamCall.TOKEN, answer(request.tokenResponse,
                    request.tokenContentType));
            result.set("tokenAnswer", redacted(token));
            ObjectNode userInfo = null;
            if (config.isUserInfoCallEnabled() && request.userInfoResponse != null) {
                userInfo = UpstreamResponseReader.read(UpstreamCall.USERINFO,
                        answer(request.userInfoResponse, request.userInfoContentType),
                        config.userInfoResponseFormat(), config.userInfoEnvelope());
            }
            ObjectNode extra = null;
            if (config.isSet(Setting.PROFILE_URL) && request.profileResponse != null) {
                extra = UpstreamResponseReader.read(UpstreamCall.PROFILE,
                        answer(request.profileResponse, request.profileContentType),
                        config.userInfoResponseFormat(), config.userInfoEnvelope());
            }
            ObjectNode profile = ProfileDocument.from(token, userInfo, config.get(Setting.PROFILE_KEY), extra);
            result.set("profile", profile);
            result.set("identity", identity(new IdentityExtractor(config).extract(profile)));
            result.set("mappers", MapperPreviews.of(session, realm, model.getAlias(), profile));
        } catch (UpstreamException e) {
            ObjectNode error = result.putObject("error");
            error.put("failure", e.failure().name());
            error.put("messageKey", e.failure().messageKey());
            error.put("eventReason", e.failure().eventReason());
            error.put("detail", e.detail());
            e.upstreamMessage().ifPresent(message -> error.put("ssoMessage", message));
        }
        return result;
    }

    private static UpstreamAnswer answer(String body, String contentType) {
        return new UpstreamAnswer(200, contentType == null ? "application/json" : contentType, body);
    }

    private static ObjectNode redacted(TokenAnswer token) {
        ObjectNode copy = token.payload().deepCopy();
        copy.fields().forEachRemaining(field -> {
            String text = field.getValue().isTextual() ? field.getValue().textValue() : null;
            if (text != null && (text.equals(token.accessToken()) || text.equals(token.refreshToken())
                    || field.getKey().toLowerCase().contains("token"))) {
                field.setValue(JsonNodeFactory.instance.textNode(REDACTED));
            }
        });
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.set("payload", copy);
        summary.put("accessTokenFound", token.accessToken() != null);
        summary.put("refreshTokenFound", token.refreshToken() != null);
        if (token.expiresIn() != null) {
            summary.put("expiresIn", token.expiresIn());
        }
        return summary;
    }

    private static ObjectNode identity(ExtractedIdentity identity) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", identity.id());
        node.put("username", identity.username());
        node.put("email", identity.email());
        if (identity.emailVerified() != null) {
            node.put("emailVerified", identity.emailVerified());
        }
        node.put("firstName", identity.firstName());
        node.put("lastName", identity.lastName());
        return node;
    }
}
