package dev.companysso.keycloak.response;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResponseFormatTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "auto", "AUTO", " Auto "})
    void blankOrAutoIsAuto(String value) {
        assertThat(ResponseFormat.parse(value)).isEqualTo(ResponseFormat.AUTO);
    }

    @ParameterizedTest
    @CsvSource({"json, JSON", "Json, JSON", "FORM, FORM", "form, FORM", "jwt, JWT", "JwT, JWT"})
    void parsesAnyCase(String value, ResponseFormat expected) {
        assertThat(ResponseFormat.parse(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", "json5", "j son"})
    void unknownValuesListTheAllowedOnes(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> ResponseFormat.parse(value))
                .withMessage("unknown response format '" + value + "'; allowed values: auto, json, form, jwt");
    }
}
