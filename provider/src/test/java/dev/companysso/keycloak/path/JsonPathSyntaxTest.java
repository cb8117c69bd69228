package dev.companysso.keycloak.path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonPathSyntaxTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void emptyExpressions(String expression) {
        PathSyntaxException error = catchThrowableOfType(PathSyntaxException.class, () -> JsonPath.compile(expression));

        assertThat(error).hasMessage("empty expression");
        assertThat(error.position()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // unbalanced brackets
            "$.a.b]]          | unexpected ']' at position 6                         | 6",
            "$.a[0]]          | unexpected ']' at position 7                         | 7",
            "$.a[             | unclosed '[' at position 4                           | 4",
            "ab[              | unclosed '[' at position 3                           | 3",
            "$.a[0            | unclosed '[' at position 4                           | 4",
            "$['a'            | unclosed '[' at position 2                           | 2",
            "$.a[]            | unexpected ']' at position 5                         | 5",
            "]                | unexpected ']' at position 1                         | 1",
            // quoted names
            "$['abc]          | unclosed quote at position 3                         | 3",
            "$['a\\           | unclosed quote at position 3                         | 3",
            "$['']            | empty name at position 3                             | 3",
            "$['a\\n']        | unsupported escape '\\n' at position 5               | 5",
            "$['a'b]          | expected ']' at position 6                           | 6",
            // indexes, unions, slices
            "$.a[-]           | expected a digit at position 6                       | 6",
            "$.a[-            | unclosed '[' at position 4                           | 4",
            "$.a[0,1]         | expected ']' at position 6                           | 6",
            "$.a[1:2]         | expected ']' at position 6                           | 6",
            "$.a[99999999999] | index out of range at position 5                     | 5",
            "$.a[abc]         | expected a quoted name, an index or '*' at position 5 | 5",
            "$.a[ 0]          | expected a quoted name, an index or '*' at position 5 | 5",
            // unsupported JSONPath features
            "$.a[?(@.x)]      | filter expressions are not supported at position 5   | 5",
            "$..a             | recursive descent '..' is not supported at position 2 | 2",
            "$.a..b           | recursive descent '..' is not supported at position 4 | 4",
            "$.a.length()     | unexpected '(' at position 11                        | 11",
            // dots and names
            "$.a.             | expression ends with '.' at position 4               | 4",
            "$.               | expression ends with '.' at position 2               | 2",
            "a.b.             | expression ends with '.' at position 4               | 4",
            ".a               | unexpected '.' at position 1                         | 1",
            "$.[0]            | expected a name after '.' at position 3              | 3",
            "$abc             | expected '.' or '[' at position 2                    | 2",
            "$['a']b          | expected '.' or '[' at position 7                    | 7",
            "`$. a`           | name starts with whitespace at position 3            | 3",
            "`$.a .b`         | name ends with whitespace at position 4              | 4",
            "` a.b`           | name starts with whitespace at position 1            | 1",
            "`$.a `           | name ends with whitespace at position 4              | 4",
            // positions count characters, not UTF-16 units
            "$.用户.名字]      | unexpected ']' at position 8                         | 8",
            "$.😀.a[          | unclosed '[' at position 6                           | 6",
    })
    void namesTheProblemAndItsPosition(String expression, String message, int position) {
        PathSyntaxException error = catchThrowableOfType(PathSyntaxException.class, () -> JsonPath.compile(expression));

        assertThat(error).as(expression).isNotNull().hasMessage(message);
        assertThat(error.position()).isEqualTo(position);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$", "$.a", "a", "$[0]", "[0]", "$[*]", "*", "$.a.*", "$.a[-1]", "$['a']['b']", "$[\"名字\"]",
            "$.用户.名字", "$.first name", "$.a$b", "$.a*", "$['[']", "$[']']", "$['a\\\\b']", "$[007]"})
    void acceptsTheDocumentedSyntax(String expression) {
        assertThat(JsonPath.compile(expression).expression()).isEqualTo(expression);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$..a", "$.a]", "$.a["})
    void isAnIllegalArgument(String expression) {
        assertThatThrownBy(() -> JsonPath.compile(expression)).isInstanceOf(IllegalArgumentException.class);
    }
}
