package dev.companysso.keycloak.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class JsonPathTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final JsonNode USER = json("""
            {
              "code": 0,
              "data": {
                "user": {"id": 10001, "name": "Ada", "active": true, "nickname": null, "email": ""},
                "roles": ["admin", "dev", null, "", 7, {"x": 1}, ["nested"]],
                "depts": [{"code": "RD", "name": "研发"}, {"code": "OPS"}, {"name": "no code"}],
                "用户": {"名字": "张三"},
                "a.b": {"c d": "dotted", "it's": "quoted", "back\\\\slash": "escaped"}
              }
            }
            """);

    @Nested
    class Selecting {

        @Test
        void nestedObjects() {
            assertThat(JsonPath.compile("$.data.user.name").selectText(USER)).contains("Ada");
            assertThat(JsonPath.compile("$.data.user.id").selectFirst(USER)).contains(NODES.numberNode(10001));
        }

        @Test
        void bareDottedFormEqualsRootedForm() {
            JsonPath bare = JsonPath.compile("data.user.id");
            JsonPath rooted = JsonPath.compile("$.data.user.id");

            assertThat(bare.selectText(USER)).contains("10001");
            assertThat(bare).isEqualTo(rooted).hasSameHashCodeAs(rooted);
            assertThat(bare).isEqualTo(JsonPath.compile("$['data'][\"user\"].id"));
            assertThat(bare).isNotEqualTo(JsonPath.compile("$.data.user.name"));
        }

        @Test
        void rootAloneSelectsTheDocument() {
            assertThat(JsonPath.compile("$").select(USER)).containsExactly(USER);
            assertThat(JsonPath.compile("$").selectText(USER)).isEmpty();
        }

        @Test
        void arraysOfObjectsFlattenInDocumentOrder() {
            assertThat(JsonPath.compile("$.data.depts[*].code").selectTexts(USER)).containsExactly("RD", "OPS");
            assertThat(JsonPath.compile("data.depts.*.code").select(USER)).extracting(JsonNode::textValue).containsExactly("RD", "OPS");
            assertThat(JsonPath.compile("$.data.depts[*].code").selectText(USER)).contains("RD");
        }

        @Test
        void wildcardOverAnObjectTakesItsValues() {
            assertThat(JsonPath.compile("$.data.user.*").select(USER)).hasSize(5);
            assertThat(JsonPath.compile("$.data.user[*]").selectTexts(USER)).containsExactly("10001", "Ada", "true");
        }

        @Test
        void eachWildcardFlattensOneLevel() {
            JsonNode matrix = json("{\"m\": [[1, 2], [3], []]}");

            assertThat(JsonPath.compile("$.m[*][*]").selectTexts(matrix)).containsExactly("1", "2", "3");
            assertThat(JsonPath.compile("$.m[*]").select(matrix)).hasSize(3);
        }

        @Test
        void indexesCountFromEitherEnd() {
            assertThat(JsonPath.compile("$.data.roles[0]").selectText(USER)).contains("admin");
            assertThat(JsonPath.compile("$.data.depts[-1].name").selectText(USER)).contains("no code");
            assertThat(JsonPath.compile("$.data.depts[-3].code").selectText(USER)).contains("RD");
            assertThat(JsonPath.compile("$.data.depts[-4]").select(USER)).isEmpty();
            assertThat(JsonPath.compile("$.data.depts[3]").select(USER)).isEmpty();
        }

        @Test
        void unicodeNamesAndValues() {
            assertThat(JsonPath.compile("$.data.用户.名字").selectText(USER)).contains("张三");
            assertThat(JsonPath.compile("data[\"用户\"]['名字']").selectText(USER)).contains("张三");
            assertThat(JsonPath.compile("$.data.depts[0].name").selectText(USER)).contains("研发");
        }

        @Test
        void quotedNamesMayContainDotsSpacesQuotesAndBackslashes() {
            assertThat(JsonPath.compile("$.data['a.b']['c d']").selectText(USER)).contains("dotted");
            assertThat(JsonPath.compile("$.data[\"a.b\"]['it\\'s']").selectText(USER)).contains("quoted");
            assertThat(JsonPath.compile("$.data['a.b'][\"it's\"]").selectText(USER)).contains("quoted");
            assertThat(JsonPath.compile("$.data['a.b']['back\\\\slash']").selectText(USER)).contains("escaped");
        }

        @Test
        void leadingBracketAfterRootOrBare() {
            JsonNode list = json("[{\"id\": \"first\"}]");

            assertThat(JsonPath.compile("$[0].id").selectText(list)).contains("first");
            assertThat(JsonPath.compile("[0].id").selectText(list)).contains("first");
            assertThat(JsonPath.compile("$['data'].user.name").selectText(USER)).contains("Ada");
        }

        @Test
        void membersMayContainInnerSpacesAndSymbols() {
            JsonNode odd = json("{\"first name\": \"Ada\", \"$id\": \"x1\", \"a-b/c\": 1}");

            assertThat(JsonPath.compile("$.first name").selectText(odd)).contains("Ada");
            assertThat(JsonPath.compile("$.$id").selectText(odd)).contains("x1");
            assertThat(JsonPath.compile("a-b/c").selectText(odd)).contains("1");
        }

        @Test
        void missingThingsAreNoMatchNeverAnError() {
            assertThat(JsonPath.compile("$.nope.deeper").select(USER)).isEmpty();
            assertThat(JsonPath.compile("$.data.user.name.first").select(USER)).isEmpty();
            assertThat(JsonPath.compile("$.data.user[0]").select(USER)).isEmpty();
            assertThat(JsonPath.compile("$.data.roles.length").select(USER)).isEmpty();
            assertThat(JsonPath.compile("$.code[*]").select(USER)).isEmpty();
            assertThat(JsonPath.compile("$.a").select(null)).isEmpty();
            assertThat(JsonPath.compile("$").select(null)).isEmpty();
            assertThat(JsonPath.compile("$").select(MAPPER.missingNode())).isEmpty();
            assertThat(JsonPath.compile("$.a[*].b").selectFirst(USER)).isEmpty();
            assertThat(JsonPath.compile("$.a").selectTexts(USER)).isEmpty();
        }

        @Test
        void jsonNullIsAMatchButNotAText() {
            JsonPath nickname = JsonPath.compile("$.data.user.nickname");

            assertThat(nickname.select(USER)).containsExactly(NODES.nullNode());
            assertThat(nickname.selectFirst(USER)).contains(NODES.nullNode());
            assertThat(nickname.selectText(USER)).isEmpty();
            assertThat(nickname.selectTexts(USER)).isEmpty();
        }

        @Test
        void emptyStringsAndContainersAreNoText() {
            assertThat(JsonPath.compile("$.data.user.email").selectText(USER)).isEmpty();
            assertThat(JsonPath.compile("$.data.user").selectText(USER)).isEmpty();
            assertThat(JsonPath.compile("$.data.roles").selectText(USER)).isEmpty();
        }

        @Test
        void arrayClaimBecomesManyTexts() {
            assertThat(JsonPath.compile("$.data.roles").selectTexts(USER)).containsExactly("admin", "dev", "7");
            // Each match that is itself an array contributes its scalars: here the nested ["nested"].
            assertThat(JsonPath.compile("$.data.roles[*]").selectTexts(USER)).containsExactly("admin", "dev", "7", "nested");
            assertThat(JsonPath.compile("$.data.user.name").selectTexts(USER)).containsExactly("Ada");
        }

        @Test
        void selectFirstSkipsBranchesWithoutMatch() {
            JsonNode tree = json("{\"list\": [{\"other\": 1}, {\"id\": null}, {\"id\": \"x\"}]}");

            assertThat(JsonPath.compile("$.list[*].id").selectFirst(tree)).contains(NODES.nullNode());
            assertThat(JsonPath.compile("$.list[*].id").selectText(tree)).isEmpty();
            assertThat(JsonPath.compile("$.list[*].id").selectTexts(tree)).containsExactly("x");
        }
    }

    @Nested
    class Describing {

        @Test
        void keepsTheExpressionAsWritten() {
            JsonPath path = JsonPath.compile("data['a.b'].c");

            assertThat(path.expression()).isEqualTo("data['a.b'].c");
            assertThat(path).hasToString("data['a.b'].c");
        }

        @Test
        void definiteUnlessItHasAWildcard() {
            assertThat(JsonPath.compile("$.a[0].b").isDefinite()).isTrue();
            assertThat(JsonPath.compile("$.a[*].b").isDefinite()).isFalse();
            assertThat(JsonPath.compile("$.a.*").isDefinite()).isFalse();
        }

        @Test
        void equalityIgnoresNotationButNotMeaning() {
            assertThat(JsonPath.compile("$.a.*")).isEqualTo(JsonPath.compile("a[*]"));
            assertThat(JsonPath.compile("$['*']")).isNotEqualTo(JsonPath.compile("$.*"));
            assertThat(JsonPath.compile("$['it\\'s']")).isEqualTo(JsonPath.compile("$[\"it's\"]"));
            assertThat(JsonPath.compile("$['0']")).isNotEqualTo(JsonPath.compile("$[0]"));
        }
    }

    @Nested
    class ConvertingToText {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "10001                        | 10001",
                "-42                          | -42",
                "123456789012345678901234567890 | 123456789012345678901234567890",
                "1.0E3                        | 1000",
                "1000.0                       | 1000",
                "2.50                         | 2.5",
                "0.1                          | 0.1",
                "1.5e-7                       | 0.00000015",
                "-0.0                         | 0",
                "true                         | true",
                "false                        | false",
                "'\"already text\"'           | already text",
                "'\"\"'                       | ''",
        })
        void scalarsBecomeTheTextAnAdminExpects(String json, String expected) {
            assertThat(JsonPath.asText(json(json))).isEqualTo(expected);
        }

        @Test
        void numberNodesOfEveryKind() {
            assertThat(JsonPath.asText(NODES.numberNode(7))).isEqualTo("7");
            assertThat(JsonPath.asText(NODES.numberNode(Long.MAX_VALUE))).isEqualTo("9223372036854775807");
            assertThat(JsonPath.asText(NODES.numberNode((short) 3))).isEqualTo("3");
            assertThat(JsonPath.asText(NODES.numberNode(new BigInteger("99999999999999999999999")))).isEqualTo("99999999999999999999999");
            assertThat(JsonPath.asText(NODES.numberNode(1e21))).isEqualTo("1000000000000000000000");
            assertThat(JsonPath.asText(NODES.numberNode(0.1f))).isEqualTo("0.1");
            assertThat(JsonPath.asText(NODES.numberNode(new BigDecimal("12.3400")))).isEqualTo("12.34");
            assertThat(JsonPath.asText(NODES.numberNode(new BigDecimal("1E+5")))).isEqualTo("100000");
        }

        @Test
        void absurdExponentsStayCompact() {
            assertThat(JsonPath.asText(NODES.numberNode(new BigDecimal("1E+999999")))).isEqualTo("1E+999999");
        }

        @Test
        void nothingUsableIsNull() {
            assertThat(JsonPath.asText(null)).isNull();
            assertThat(JsonPath.asText(NODES.nullNode())).isNull();
            assertThat(JsonPath.asText(NODES.missingNode())).isNull();
            assertThat(JsonPath.asText(NODES.objectNode())).isNull();
            assertThat(JsonPath.asText(NODES.arrayNode().add(1))).isNull();
            assertThat(JsonPath.asText(NODES.numberNode(Double.NaN))).isNull();
            assertThat(JsonPath.asText(NODES.numberNode(Double.POSITIVE_INFINITY))).isNull();
        }
    }
}
