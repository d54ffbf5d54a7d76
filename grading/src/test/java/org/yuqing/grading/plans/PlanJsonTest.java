package org.yuqing.grading.plans;

import org.junit.jupiter.api.Test;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.IncidentFlag;
import org.yuqing.domain.Level;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanJsonTest {

    @Test
    void the_district_preset_reads_as_the_brief_defines_it() throws IOException {
        Plan plan = PlanJson.read(preset());

        assertThat(plan.id()).isEqualTo("district");
        assertThat(plan.name()).isEqualTo("区网络舆情处置工作应急预案");
        assertThat(plan.levels()).extracting(PlanLevel::level)
                .containsExactly(Level.GENERAL, Level.SERIOUS, Level.MAJOR, Level.EXTRAORDINARY);
        assertThat(plan.level(Level.EXTRAORDINARY).orElseThrow().terms().reportWithin()).isEqualTo(Duration.ofHours(1));
        assertThat(plan.level(Level.MAJOR).orElseThrow().terms().reportWithin()).isEqualTo(Duration.ofHours(2));
        assertThat(plan.level(Level.SERIOUS).orElseThrow().terms().reportWithin()).isEqualTo(Duration.ofHours(24));
        assertThat(plan.level(Level.GENERAL).orElseThrow().terms().opensCase()).isFalse();
        assertThat(plan.level(Level.SERIOUS).orElseThrow().terms().opensCase()).isTrue();
        assertThat(plan.level(Level.SERIOUS).orElseThrow().terms().statementApprovals())
                .containsExactly(ApprovalStep.UNIT_HEAD, ApprovalStep.LEADER_IN_CHARGE);
        assertThat(plan.level(Level.EXTRAORDINARY).orElseThrow().conditions()).contains(
                new FlagsCondition(List.of(IncidentFlag.EMERGENCY_CAUSED, IncidentFlag.CASUALTIES), "六(三)4", null));
        assertThat(plan.levels()).allSatisfy(level -> {
            assertThat(level.terms().firstStatementWithin()).isEqualTo(Duration.ofHours(24));
            assertThat(level.terms().writtenReportAfterPhoneWithin()).isEqualTo(Duration.ofMinutes(30));
            assertThat(level.terms().reviewAfterSubsidedWithin()).isEqualTo(Duration.ofHours(72));
            assertThat(level.conditions()).allSatisfy(c -> assertThat(c.section()).startsWith("六(三)"));
        });
    }

    @Test
    void a_plan_survives_writing_and_reading_with_iso_durations_and_typed_conditions() throws IOException {
        Plan plan = PlanJson.read(preset());

        String written = PlanJson.write(plan);
        JsonNode tree = JsonMapper.builder().build().readTree(written);

        assertThat(PlanJson.read(written)).isEqualTo(plan);
        assertThat(tree.at("/levels/2/terms/reportWithin").asString()).isEqualTo("PT2H");
        assertThat(tree.at("/levels/2/conditions/1/type").asString()).isEqualTo("metric");
        assertThat(tree.at("/levels/3/conditions/0/type").asString()).isEqualTo("flags");
    }

    @Test
    void an_all_of_condition_round_trips() {
        Plan plan = new Plan("t", 1, "测试预案", null, List.of(
                PlanJsonTest.level(Level.GENERAL),
                new PlanLevel(Level.MAJOR, "四", null, List.of(new AllOfCondition(List.of(
                        new MetricCondition(Metric.SITES_PER_STATEMENT, MetricComparator.AT_LEAST, 2, null, null),
                        new FlagsCondition(List.of(IncidentFlag.CASUALTIES), null, null)), "四", "注")),
                        PlanJsonTest.level(Level.MAJOR).terms(), null)), List.of());

        assertThat(PlanJson.read(PlanJson.write(plan))).isEqualTo(plan);
        assertThat(PlanJson.write(plan)).contains("\"type\":\"allOf\"");
    }

    @Test
    void a_document_with_an_unknown_field_is_refused() throws IOException {
        String typo = preset().replaceFirst("\"comparator\"", "\"comparater\"");

        assertThatThrownBy(() -> PlanJson.read(typo)).isInstanceOf(JacksonException.class);
    }

    @Test
    void levels_out_of_order_are_refused() throws IOException {
        Plan plan = PlanJson.read(preset());
        List<PlanLevel> reversed = plan.levels().reversed();

        assertThatThrownBy(() -> new Plan("x", 1, "x", null, reversed, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ascending");
    }

    static PlanLevel level(Level level) {
        return PlanJson.read(presetUnchecked()).level(level).orElseThrow();
    }

    private static String presetUnchecked() {
        try {
            return preset();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String preset() throws IOException {
        try (InputStream in = PlanJsonTest.class.getResourceAsStream("/plans/district.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
