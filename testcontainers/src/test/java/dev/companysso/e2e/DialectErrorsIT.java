package dev.companysso.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.keycloak.config.Setting;
import dev.companysso.simulator.Dialect;
import dev.companysso.simulator.Envelope;
import dev.companysso.simulator.SsoPaths;
import dev.companysso.testing.Page;
import dev.companysso.testing.TestEnvironment;

import org.junit.jupiter.api.Test;

/**
 * The SSO says no, or says too little: the login stops on the provider's page with the SSO's own (escaped,
 * shortened) message, an event records the reason, no user is created, and the next good login works.
 */
class DialectErrorsIT extends DialectITSupport {

    private static final String HOSTILE = "<script>alert('x')</script> invalid code ";
    private static final String LONG_MESSAGE = HOSTILE + "x".repeat(500) + " END-OF-MESSAGE";

    DialectErrorsIT(TestEnvironment env) {
        super(env);
    }

    @Test
    void anEnvelopeErrorInAnHttp200TokenAnswer() {
        env.sso().dialect(Dialect.envelope());
        envelopeConfig();
        env.sso().refuse(SsoPaths.TOKEN, LONG_MESSAGE);

        Page page = login("alice");

        assertThat(single(SsoPaths.TOKEN)).isNotNull();
        assertFailedWithoutUser(page, "sso_refused");
        // The SSO's message is shown, without its markup (Keycloak's message sanitizer drops the tags) and cut short.
        assertThat(page.text()).contains("Company SSO refused the sign-in").contains("invalid code xxxxx").contains("…")
                .doesNotContain("END-OF-MESSAGE").doesNotContain("x".repeat(300));
        assertThat(page.body()).doesNotContain("<script>alert").doesNotContain("END-OF-MESSAGE");
        assertThat(page.document().select("script").outerHtml()).doesNotContain("alert('x')");

        env.sso().refuse(SsoPaths.TOKEN, null);
        loginOk("alice", "alice");
    }

    @Test
    void aFailedSuccessRuleOnTheUserinfoAnswer() {
        env.sso().dialect(Dialect.seed().with(b -> b.userinfoEnvelope(Envelope.statusOk())));
        idp().set(Setting.USERINFO_SUCCESS_PATH, "$.status").set(Setting.USERINFO_SUCCESS_VALUE, "ok")
                .set(Setting.USERINFO_PAYLOAD_PATH, "$.result").set(Setting.USERINFO_ERROR_MESSAGE_PATH, "$.message")
                .apply();
        env.sso().refuse(SsoPaths.USERINFO, "Account locked, call the help desk");

        Page page = login("alice");

        assertFailedWithoutUser(page, "sso_refused");
        assertThat(page.text()).contains("refused the sign-in").contains("Account locked, call the help desk");

        env.sso().refuse(SsoPaths.USERINFO, null);
        loginOk("alice", "alice");
    }

    @Test
    void aMissingId() {
        idp().set(Setting.ID_PATH, "$.employee.number").apply();

        Page page = login("alice");

        assertFailedWithoutUser(page, "sso_missing_user_id");
        assertThat(page.text()).contains("no user id");

        idp().set(Setting.ID_PATH, "$.id").apply();
        loginOk("alice", "alice");
    }

    @Test
    void anEmptyId() {
        env.sso().users().update("alice", u -> u.setId("  "));

        Page page = login("alice");

        assertFailedWithoutUser(page, "sso_missing_user_id");

        env.sso().users().update("alice", u -> u.setId(10002));
        loginOk("alice", "alice");
    }

    private void envelopeConfig() {
        idp().set(Setting.TOKEN_SUCCESS_PATH, "$.code").set(Setting.TOKEN_SUCCESS_VALUE, "0")
                .set(Setting.TOKEN_PAYLOAD_PATH, "$.data").set(Setting.TOKEN_ERROR_MESSAGE_PATH, "$.msg")
                .set(Setting.USERINFO_SUCCESS_PATH, "$.code").set(Setting.USERINFO_SUCCESS_VALUE, "0")
                .set(Setting.USERINFO_PAYLOAD_PATH, "$.data").set(Setting.USERINFO_ERROR_MESSAGE_PATH, "$.msg")
                .apply();
    }
}
