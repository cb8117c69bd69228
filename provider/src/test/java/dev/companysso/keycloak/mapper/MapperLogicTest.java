package dev.companysso.keycloak.mapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import dev.companysso.keycloak.path.JsonPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MapperLogicTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void valuesFromArraysOfPlainValuesAndOfObjects() throws Exception {
        JsonNode profile = json("{\"roles\":[\"admin\",\"editor\",\"admin\",7,null,\"\"],"
                + "\"depts\":[{\"code\":\"RD\",\"name\":\"研发部\"},{\"code\":\"OPS\"},{\"name\":\"no code\"}]}");

        assertThat(ProfileValues.read(profile, JsonPath.compile("$.roles"), null).values())
                .containsExactly("admin", "editor", "7");
        assertThat(ProfileValues.read(profile, JsonPath.compile("$.depts"), JsonPath.compile("$.code")).values())
                .containsExactly("RD", "OPS");
        assertThat(ProfileValues.read(profile, JsonPath.compile("$.depts[*].name"), null).values())
                .containsExactly("研发部", "no code");
    }

    @Test
    void absentIsNotTheSameAsEmpty() throws Exception {
        JsonNode profile = json("{\"roles\":[],\"groups\":null}");

        assertThat(ProfileValues.read(profile, JsonPath.compile("$.missing"), null).isAbsent()).isTrue();
        assertThat(ProfileValues.read(profile, JsonPath.compile("$.roles"), null).isAbsent()).isFalse();
        assertThat(ProfileValues.read(profile, JsonPath.compile("$.groups"), null).isAbsent()).isFalse();
        assertThat(ProfileValues.read(profile, JsonPath.compile("$.groups"), null).values()).isEmpty();
        assertThat(ProfileValues.read(null, JsonPath.compile("$.roles"), null).isAbsent()).isTrue();
    }

    @Test
    void translationPrefixAndAllowList() {
        NameTranslation translation = new NameTranslation("管理员=admin\nRD=engineering", false, "sso-",
                "sso-admin\nsso-engineering\nsso-R/D team");

        assertThat(translation.apply(List.of("管理员", "RD", "R/D team", "intern")))
                .containsExactly("sso-admin", "sso-engineering", "sso-R/D team");
    }

    @Test
    void onlyTranslatedValues() {
        assertThat(new NameTranslation("a=x", true, "", "").apply(List.of("a", "b"))).containsExactly("x");
        assertThat(new NameTranslation("", false, "", "").apply(List.of("b", "b", "c"))).containsExactly("b", "c");
        assertThatThrownBy(() -> new NameTranslation("oops", false, "", "")).hasMessageContaining("line 1");
    }

    @Test
    void manyValuesMapInOnePass() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            values.add("role " + i);
        }
        assertThat(new NameTranslation("", false, "", "").apply(values)).hasSize(200);
    }

    @Test
    void usernameTemplates() throws Exception {
        JsonNode profile = json("{\"account\":\"zhangsan\",\"id\":10001}");

        assertThat(UsernameTemplateMapper.render("${$.account}", profile, "company-sso")).isEqualTo("zhangsan");
        assertThat(UsernameTemplateMapper.render("${ALIAS}.${id}", profile, "company-sso")).isEqualTo("company-sso.10001");
        assertThat(UsernameTemplateMapper.render("${$.nope}", profile, "x")).isNull();
        assertThat(UsernameTemplateMapper.render("${$.[}", profile, "x")).isNull();
        assertThat(UsernameTemplateMapper.render("fixed", profile, "x")).isEqualTo("fixed");
    }
}
