package dev.companysso.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dialect value, presets and envelope without a server. */
class DialectTest {

    @Test
    void seedPresetMatchesTheSeedStory() {
        Dialect seed = Dialect.seed();
        assertThat(seed.requiredUuid()).isEqualTo("CF7E5931A9C3F11770B700F3F7106FEB");
        assertThat(seed.clientIdParam()).isEqualTo("client_id");
        assertThat(seed.requiredScope()).isEqualTo("app");
        assertThat(seed.clientAuth()).isEqualTo(Dialect.ClientAuth.POST);
        assertThat(seed.requiredTokenParams()).isEqualTo(Map.of("scope", "app"));
        assertThat(seed.pkce()).isEqualTo(Dialect.Pkce.OPTIONAL);
        assertThat(seed.profileShape()).isEqualTo(Dialect.ProfileShape.NESTED);
        assertThat(seed.expiresIn()).isEqualTo(7200);
        assertThat(Dialect.wechat().tokenParamNames())
                .isEqualTo(new TokenParamNames("appid", "secret", "code", "redirect_uri", "grant_type"));
        assertThat(Dialect.feishu().tokenRequestFormat()).isEqualTo(Dialect.TokenRequestFormat.JSON);
        assertThat(Dialect.byName("PLAIN")).isEqualTo(Dialect.plain());
        assertThatThrownBy(() -> Dialect.byName("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copiesAreIndependentAndImmutable() {
        Dialect seed = Dialect.seed();
        Dialect changed = seed.with(b -> b.pkce(Dialect.Pkce.REQUIRED_S256).requiredTokenParam("x", "y"));
        assertThat(seed.pkce()).isEqualTo(Dialect.Pkce.OPTIONAL);
        assertThat(changed.requiredTokenParams()).containsEntry("x", "y").containsEntry("scope", "app");
        assertThat(seed.requiredTokenParams()).doesNotContainKey("x");
        assertThatThrownBy(() -> changed.requiredTokenParams().put("a", "b"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(seed.scopeSatisfied("openid app")).isTrue();
        assertThat(seed.scopeSatisfied("application")).isFalse();
        assertThat(Dialect.wechat().scopeSatisfied("snsapi_base,snsapi_login")).isTrue();
    }

    @Test
    void envelopesWrapAndRecognise() {
        ObjectNode payload = DialectClient.JSON.createObjectNode().put("access_token", "t");
        Envelope data = Envelope.codeMsgData();
        JsonNode ok = data.wrapSuccess(payload);
        assertThat(ok.toString()).isEqualTo("{\"code\":0,\"msg\":\"success\",\"data\":{\"access_token\":\"t\"}}");
        assertThat(data.isSuccess(ok)).isTrue();
        assertThat(data.payload(ok)).isEqualTo(payload);
        assertThat(data.wrapError("invalid code").toString())
                .isEqualTo("{\"code\":40029,\"msg\":\"invalid code\",\"data\":null}");
        assertThat(data.isSuccess(data.wrapError("x"))).isFalse();

        Envelope wx = Envelope.wechat();
        assertThat(wx.wrapSuccess(payload)).isEqualTo(payload);
        assertThat(wx.isSuccess(payload)).isTrue();
        assertThat(wx.isSuccess(wx.wrapError("invalid code"))).isFalse();
        assertThat(wx.wrapError("invalid code").toString()).isEqualTo("{\"errcode\":40029,\"errmsg\":\"invalid code\"}");
    }

    @Test
    void redirectQueriesAreAppendedSafely() {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("code", "a b");
        params.put("state", null);
        assertThat(FormCodec.appendQuery("http://x/cb", params)).isEqualTo("http://x/cb?code=a+b");
        assertThat(FormCodec.appendQuery("http://x/cb?k=1#frag", params)).isEqualTo("http://x/cb?k=1&code=a+b");
        assertThat(HtmlPages.esc("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
