package dev.companysso.keycloak.response;

import dev.companysso.keycloak.error.UpstreamCall;
import dev.companysso.keycloak.error.UpstreamException;
import dev.companysso.keycloak.error.UpstreamFailure;
import dev.companysso.keycloak.error.UpstreamMessageSanitizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The error types' contract as the reader's callers see it: keys, reasons, messages, sanitizing. */
class UpstreamFailureReportingTest {

    @ParameterizedTest
    @EnumSource(UpstreamFailure.class)
    void everyFailureHasABundleKeyAndAnEventReason(UpstreamFailure failure) {
        assertThat(failure.messageKey()).startsWith("companySso").matches("[A-Za-z]+");
        assertThat(failure.eventReason()).startsWith("sso_").matches("[a-z_]+");
    }

    @Test
    void keysAndReasonsAreDistinct() {
        assertThat(Arrays.stream(UpstreamFailure.values()).map(UpstreamFailure::messageKey)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(UpstreamFailure.values()).map(UpstreamFailure::eventReason)).doesNotHaveDuplicates();
        assertThat(UpstreamFailure.UNREACHABLE.messageKey()).isEqualTo("companySsoUnreachable");
        assertThat(UpstreamFailure.UNREACHABLE.eventReason()).isEqualTo("sso_unreachable");
    }

    @Test
    void callsHaveLabels() {
        assertThat(UpstreamCall.TOKEN.label()).isEqualTo("token request");
        assertThat(Arrays.stream(UpstreamCall.values()).map(UpstreamCall::label)).doesNotHaveDuplicates().allMatch(l -> !l.isBlank());
    }

    @Test
    void messageIsFailureAndDetailOnly() {
        UpstreamException exception = new UpstreamException(UpstreamFailure.REFUSED, "token request answered an OAuth error", "Code expired");

        assertThat(exception).hasMessage("REFUSED: token request answered an OAuth error");
        assertThat(exception.failure()).isEqualTo(UpstreamFailure.REFUSED);
        assertThat(exception.detail()).isEqualTo("token request answered an OAuth error");
        assertThat(exception.upstreamMessage()).contains("Code expired");
        assertThat(new UpstreamException(UpstreamFailure.TIMEOUT, "token request timed out").upstreamMessage()).isEmpty();
    }

    @Test
    void upstreamMessageIsSanitized() {
        UpstreamException exception = new UpstreamException(UpstreamFailure.REFUSED, "d", "  Account\u0000 locked:\r\n\t try\u202E later\u0007  ");

        assertThat(exception.upstreamMessage()).contains("Account locked: try later");
    }

    @Test
    void htmlIsLeftForTheTemplateToEscape() {
        assertThat(UpstreamMessageSanitizer.sanitize("<b>Tom & Jerry</b>")).contains("<b>Tom & Jerry</b>");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u0000\u0001", "\u200B\u202E", "\n\t"})
    void nothingVisibleMeansNoMessage(String raw) {
        assertThat(UpstreamMessageSanitizer.sanitize(raw)).isEmpty();
    }

    @Test
    void exactlyTheLimitIsKept() {
        String limit = "a".repeat(UpstreamMessageSanitizer.MAX_LENGTH);

        assertThat(UpstreamMessageSanitizer.sanitize(limit)).contains(limit);
    }

    @Test
    void longMessagesAreCutWithAnEllipsis() {
        String cut = UpstreamMessageSanitizer.sanitize("x".repeat(10_000)).orElseThrow();

        assertThat(cut).hasSize(UpstreamMessageSanitizer.MAX_LENGTH).endsWith("x…");
    }

    @Test
    void cuttingCountsCodePointsAndNeverSplitsThem() {
        String cut = UpstreamMessageSanitizer.sanitize("😀".repeat(300)).orElseThrow();

        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(UpstreamMessageSanitizer.MAX_LENGTH);
        assertThat(cut).isEqualTo("😀".repeat(UpstreamMessageSanitizer.MAX_LENGTH - 1) + "…");
    }

    @Test
    void noSpaceDanglesBeforeTheEllipsis() {
        String cut = UpstreamMessageSanitizer.sanitize("a".repeat(199) + "    " + "b".repeat(50)).orElseThrow();

        assertThat(cut).isEqualTo("a".repeat(199) + "…");
    }

    @Test
    void collapsingHappensBeforeCounting() {
        String spaced = "word   \n\n ".repeat(30);

        String cut = UpstreamMessageSanitizer.sanitize(spaced).orElseThrow();

        assertThat(cut).isEqualTo(("word ".repeat(30)).strip());
    }
}
