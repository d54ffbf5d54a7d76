package org.yuqing.ui.grading;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plan documents between the editor's YAML and the JSON the grading service stores. */
class PlanYamlTest {

    @Test
    void a_stored_plan_survives_the_way_to_yaml_and_back_unchanged() throws Exception {
        JsonNode district = PlanYaml.tree(GradingViewTestSupport.DISTRICT);

        String yaml = PlanYaml.toYaml(district);

        assertThat(yaml).contains("name: 区网络舆情处置工作应急预案", "reportWithin: PT2H", "section: 六(三)3")
                .doesNotContain("\\u");
        assertThat(PlanYaml.tree(PlanYaml.toJson(yaml))).isEqualTo(district);
    }

    @Test
    void plain_scalars_are_read_by_the_yaml_1_2_core_schema_as_the_grading_service_reads_them() throws Exception {
        JsonNode read = PlanYaml.tree(PlanYaml.toJson("""
                a: yes
                b: true
                c: 051
                d: 2026-11-20
                e: 12:30
                f: 1.5
                g: ~
                """));

        assertThat(read.path("a").isString()).isTrue();
        assertThat(read.path("b").asBoolean()).isTrue();
        assertThat(read.path("c").isString()).as("not an octal number").isTrue();
        assertThat(read.path("d").asString()).isEqualTo("2026-11-20");
        assertThat(read.path("e").asString()).isEqualTo("12:30");
        assertThat(read.path("f").asDouble()).isEqualTo(1.5);
        assertThat(read.path("g").isNull()).isTrue();
    }

    @Test
    void a_json_pointer_is_found_again_as_a_line_of_the_yaml_and_a_missing_field_at_its_parent() {
        String yaml = """
                id: x
                levels:
                  - level: GENERAL
                    terms:
                      reportWithin: PT1H
                  - level: MAJOR
                    conditions:
                      - type: metric
                        metric: CLICKS
                """;

        assertThat(PlanYaml.lineOf(yaml, "/levels/1/conditions/0/metric")).hasValue(9);
        assertThat(PlanYaml.lineOf(yaml, "/levels/0/terms/reportWithin")).hasValue(5);
        assertThat(PlanYaml.lineOf(yaml, "/levels/1/terms/opensCase")).as("missing: the level").hasValue(6);
        assertThat(PlanYaml.lineOf("a: [", "/a")).isEmpty();
    }

    @Test
    void text_that_is_not_yaml_is_a_syntax_error_with_its_line() {
        assertThatThrownBy(() -> PlanYaml.toJson("id: x\nname: [open\nlevels: []\n"))
                .isInstanceOf(PlanYaml.SyntaxError.class)
                .satisfies(e -> assertThat(((PlanYaml.SyntaxError) e).line()).isBetween(2, 4));
        assertThatThrownBy(() -> PlanYaml.toJson("a: 1\na: 2\n")).isInstanceOf(PlanYaml.SyntaxError.class);
        assertThatThrownBy(() -> PlanYaml.toJson("")).isInstanceOf(PlanYaml.SyntaxError.class);
    }

    @Test
    void a_snapshot_sends_only_what_was_entered() {
        Snapshot snapshot = new Snapshot(" 标题 ", Map.of("volume", 5L, "reads", 0L), 0,
                java.util.EnumSet.of(org.yuqing.domain.IncidentFlag.GROUP_VIOLENCE,
                        org.yuqing.domain.IncidentFlag.CASUALTIES));

        assertThat(snapshot.query()).containsExactly(Map.entry("volume", 5L),
                Map.entry("flags", "CASUALTIES,GROUP_VIOLENCE"), Map.entry("title", "标题"));
    }
}
