package dev.companysso.simulator;

import dev.companysso.simulator.Dialect.ClientAuth;
import dev.companysso.simulator.Dialect.Pkce;
import dev.companysso.simulator.Dialect.ProfileShape;
import dev.companysso.simulator.Dialect.TokenLocation;
import dev.companysso.simulator.Dialect.TokenRequestFormat;
import dev.companysso.simulator.Dialect.TokenResponseFormat;
import dev.companysso.simulator.Dialect.UserinfoFormat;
import dev.companysso.simulator.Dialect.UserinfoMethod;

import java.util.Map;

/** The preset dialects behind {@link Dialect#seed()} and friends. */
final class DialectPresets {

    private DialectPresets() {
    }

    static Dialect seed() {
        return new Dialect("seed",
                Dialect.SEED_UUID, "client_id", "app", " ", Pkce.OPTIONAL, null,
                ClientAuth.POST, TokenParamNames.standard(), true, Map.of("scope", "app"), TokenRequestFormat.FORM,
                TokenResponseFormat.JSON, TokenFieldNames.standard(), null, false, 7200, false,
                UserinfoMethod.GET, TokenLocation.AUTHORIZATION_HEADER, "access_token", "Bearer", null, Map.of(),
                ProfileShape.NESTED, null, UserinfoFormat.JSON, false);
    }

    static Dialect plain() {
        return seed().with(b -> b.name("plain")
                .requiredUuid(null)
                .requiredScope(null)
                .clientAuth(ClientAuth.ANY)
                .requiredTokenParams(Map.of())
                .profileShape(ProfileShape.FLAT));
    }

    static Dialect envelope() {
        return seed().with(b -> b.name("envelope")
                .tokenEnvelope(Envelope.codeMsgData())
                .userinfoEnvelope(Envelope.codeMsgData()));
    }

    static Dialect wechat() {
        return plain().with(b -> b.name("wechat")
                .clientIdParam("appid")
                .requiredScope("snsapi_login")
                .scopeDelimiter(",")
                .pkce(Pkce.IGNORED)
                .clientAuth(ClientAuth.POST)
                .tokenParamNames(new TokenParamNames("appid", "secret", "code", "redirect_uri", "grant_type"))
                .requireRedirectUri(false)
                .tokenResponseFormat(TokenResponseFormat.JSON_AS_TEXT_PLAIN)
                .tokenExtraFields(true)
                .tokenEnvelope(Envelope.wechat())
                .userinfoMethod(UserinfoMethod.GET)
                .tokenLocation(TokenLocation.QUERY)
                .tokenParamName("access_token")
                .requireOpenidParam("openid")
                .profileShape(ProfileShape.WECHAT)
                .userinfoEnvelope(Envelope.wechat()));
    }

    static Dialect feishu() {
        return plain().with(b -> b.name("feishu")
                .clientIdParam("app_id")
                .clientAuth(ClientAuth.POST)
                .tokenParamNames(new TokenParamNames("app_id", "app_secret", "code", "redirect_uri", "grant_type"))
                .requireRedirectUri(false)
                .tokenRequestFormat(TokenRequestFormat.JSON)
                .tokenEnvelope(Envelope.codeMsgData())
                .userinfoMethod(UserinfoMethod.GET)
                .tokenLocation(TokenLocation.AUTHORIZATION_HEADER)
                .profileShape(ProfileShape.FLAT)
                .userinfoEnvelope(Envelope.codeMsgData()));
    }
}
