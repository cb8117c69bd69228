package dev.companysso.keycloak.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.companysso.keycloak.fuzz.RandomInputs;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static dev.companysso.keycloak.fuzz.RandomInputs.forAll;
import static org.assertj.core.api.Assertions.assertThat;

/** Randomized properties of {@link JsonPath}; see {@link RandomInputs} for seed and iteration count. */
class JsonPathPropertiesTest {

    record TextAndTree(String text, JsonNode tree) {
    }

    record PathAndTree(String expression, JsonNode tree) {
    }

    @Test
    void compilingAnyTextFailsOnlyWithAPositionedSyntaxError() {
        forAll("compilingAnyText", random -> new TextAndTree(anyText(random), random.tree()), input -> {
            String text = input.text();
            JsonPath path;
            try {
                path = JsonPath.compile(text);
            } catch (PathSyntaxException expected) {
                assertThat(expected.getMessage()).isNotBlank();
                assertThat(expected.position()).isBetween(0, text.codePointCount(0, text.length()));
                return;
            }
            assertThat(path.expression()).isEqualTo(text);
            path.select(input.tree());
            path.selectTexts(input.tree());
        });
    }

    @Test
    void evaluatingNeverThrowsAndAgreesWithItself() {
        forAll("evaluating", random -> new PathAndTree(random.pathExpression(), random.tree()), input -> {
            JsonPath path = JsonPath.compile(input.expression());
            JsonNode tree = input.tree();

            List<JsonNode> all = path.select(tree);
            List<String> texts = path.selectTexts(tree);

            assertThat(all).doesNotContainNull().noneMatch(JsonNode::isMissingNode);
            assertThat(path.selectFirst(tree)).isEqualTo(all.stream().findFirst());
            assertThat(path.selectText(tree)).isEqualTo(all.stream().findFirst().map(JsonPath::asText).filter(text -> !text.isEmpty()));
            assertThat(texts).doesNotContainNull().doesNotContain("");
            if (path.isDefinite()) {
                assertThat(all).hasSizeLessThanOrEqualTo(1);
            }
        });
    }

    @Test
    void bareAndRootedFormsAreTheSamePath() {
        forAll("bareAndRooted", RandomInputs::pathExpression, expression -> {
            if (!expression.startsWith("$")) {
                assertThat(JsonPath.compile(expression)).isEqualTo(JsonPath.compile("$." + expression));
            }
        });
    }

    @Test
    void integralTextIsExactAndPlain() {
        forAll("integralText", random -> random.bigInteger(256), value ->
                assertThat(JsonPath.asText(BigIntegerNode.valueOf(value))).isEqualTo(value.toString()));
    }

    @Test
    void decimalTextIsPlainAndEqualInValue() {
        forAll("decimalText", RandomInputs::anyDouble, value -> {
            String text = JsonPath.asText(DoubleNode.valueOf(value));
            if (!Double.isFinite(value)) {
                assertThat(text).isNull();
                return;
            }
            assertThat(text).doesNotContain("E", "e");
            assertThat(new BigDecimal(text)).isEqualByComparingTo(BigDecimal.valueOf(value));
        });
    }

    /** Any text at all, text made of path syntax, or a valid expression with one char inserted, removed or replaced. */
    private static String anyText(RandomInputs random) {
        return random.oneOf(
                () -> random.string(20),
                () -> random.stringOf(RandomInputs.PATH_CHARS, 16),
                () -> mutate(random, random.pathExpression()));
    }

    private static String mutate(RandomInputs random, String expression) {
        int at = random.between(0, expression.length());
        String inserted = random.chance(0.5) ? random.stringOf(RandomInputs.PATH_CHARS, 1) : random.string(1);
        String rest = at == expression.length() ? "" : expression.substring(at + (random.chance(0.5) ? 1 : 0));
        return expression.substring(0, at) + inserted + rest;
    }
}
