package org.yuqing.grading.plans;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yuqing.domain.IncidentFlag;
import org.yuqing.domain.Level;
import org.yuqing.domain.ResponseTerms;
import org.yuqing.grading.plans.PlanProblem.Kind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yuqing.grading.plans.Metric.COMMENTS;
import static org.yuqing.grading.plans.Metric.READS_24H;
import static org.yuqing.grading.plans.Metric.REPOSTS;
import static org.yuqing.grading.plans.Metric.SITES_PER_STATEMENT;
import static org.yuqing.grading.plans.Metric.VOLUME;
import static org.yuqing.grading.plans.MetricComparator.AT_LEAST;
import static org.yuqing.grading.plans.MetricComparator.AT_MOST;
import static org.yuqing.grading.plans.MetricComparator.LESS_THAN;
import static org.yuqing.grading.plans.MetricComparator.MORE_THAN;

class PlanValidatorTest {

    private static final ResponseTerms TERMS = PlanJsonTest.level(Level.MAJOR).terms();

    @Test
    void every_shipped_preset_is_valid() throws IOException {
        Resource[] presets = new PathMatchingResourcePatternResolver().getResources("classpath*:plans/*.json");

        assertThat(presets).hasSize(5);
        for (Resource preset : presets) {
            Plan plan = PlanJson.read(preset.getContentAsString(StandardCharsets.UTF_8));
            assertThat(PlanValidator.problems(plan)).as(plan.id()).isEmpty();
            assertThat(PlanValidator.requireValid(plan)).isSameAs(plan);
        }
    }

    @Test
    void levels_out_of_order_are_named_with_their_section() {
        List<PlanProblem> problems = PlanValidator.problems(List.of(
                level(Level.GENERAL, "一"),
                level(Level.MAJOR, "三", metric(VOLUME, AT_LEAST, 500, "三")),
                level(Level.SERIOUS, "二", metric(VOLUME, AT_LEAST, 100, "二"))), false);

        assertThat(problems).extracting(PlanProblem::kind).containsExactly(Kind.LEVELS_NOT_ASCENDING);
        assertThat(problems.getFirst().level()).isEqualTo(Level.SERIOUS);
        assertThat(problems.getFirst().message()).contains("较大（SERIOUS）", "（二）", "重大（MAJOR）");
    }

    @Test
    void a_negative_threshold_is_named_with_level_condition_and_section() {
        PlanProblem problem = single(plan(
                level(Level.GENERAL, "一"),
                level(Level.SERIOUS, "二", metric(REPOSTS, MORE_THAN, -1, "二(三)2"))));

        assertThat(problem.kind()).isEqualTo(Kind.NEGATIVE_THRESHOLD);
        assertThat(problem.level()).isEqualTo(Level.SERIOUS);
        assertThat(problem.condition()).isEqualTo("转发量 > -1");
        assertThat(problem.section()).isEqualTo("二(三)2");
        assertThat(problem.message()).isEqualTo("级别较大（SERIOUS） 条件「转发量 > -1」（二(三)2）：阈值不能为负数");
    }

    @Test
    void a_negative_threshold_inside_all_of_is_found() {
        PlanProblem problem = single(plan(
                level(Level.GENERAL, "一"),
                level(Level.SERIOUS, "二", new AllOfCondition(List.of(
                        metric(SITES_PER_STATEMENT, AT_LEAST, 2, null),
                        metric(READS_24H, MORE_THAN, -1000, null)), "二(三)2", null))));

        assertThat(problem.kind()).isEqualTo(Kind.NEGATIVE_THRESHOLD);
        assertThat(problem.condition()).isEqualTo("同一信息网站数 ≥ 2，且24小时阅读量 > -1000");
    }

    @Test
    void the_same_condition_twice_in_a_level_is_a_duplicate_whatever_its_section_or_note() {
        PlanProblem problem = single(plan(
                level(Level.GENERAL, "一"),
                level(Level.MAJOR, "三", metric(VOLUME, MORE_THAN, 500, "三"),
                        new MetricCondition(VOLUME, MORE_THAN, 500, "三(一)", "另一处"))));

        assertThat(problem.kind()).isEqualTo(Kind.DUPLICATE_CONDITION);
        assertThat(problem.level()).isEqualTo(Level.MAJOR);
        assertThat(problem.section()).isEqualTo("三(一)");
    }

    @Test
    void flags_in_another_order_are_the_same_condition() {
        PlanProblem problem = single(plan(
                level(Level.GENERAL, "一"),
                level(Level.EXTRAORDINARY, "四",
                        new FlagsCondition(List.of(IncidentFlag.CASUALTIES, IncidentFlag.EMERGENCY_CAUSED), "四", null),
                        new FlagsCondition(List.of(IncidentFlag.EMERGENCY_CAUSED, IncidentFlag.CASUALTIES), "四", null))));

        assertThat(problem.kind()).isEqualTo(Kind.DUPLICATE_CONDITION);
    }

    @Test
    void a_condition_repeated_at_a_lower_level_can_never_decide_there() {
        PlanProblem problem = single(plan(
                level(Level.GENERAL, "一"),
                level(Level.SERIOUS, "二", metric(COMMENTS, AT_LEAST, 100, "二")),
                level(Level.MAJOR, "三", metric(COMMENTS, AT_LEAST, 100, "三"))));

        assertThat(problem.kind()).isEqualTo(Kind.DUPLICATE_CONDITION);
        assertThat(problem.level()).isEqualTo(Level.SERIOUS);
        assertThat(problem.message()).contains("重大（MAJOR）");
    }

    @Test
    void a_level_without_terms_is_named() {
        PlanProblem problem = single(plan(
                level(Level.GENERAL, "一"),
                new PlanLevel(Level.SERIOUS, "二", null, List.of(metric(VOLUME, AT_LEAST, 51, "二")), null, null)));

        assertThat(problem.kind()).isEqualTo(Kind.MISSING_TERMS);
        assertThat(problem.level()).isEqualTo(Level.SERIOUS);
        assertThat(problem.condition()).isNull();
        assertThat(problem.message()).isEqualTo("级别较大（SERIOUS）（二）：缺少处置要求（上报时限、审批等）");
    }

    @Test
    void terms_missing_in_a_document_are_reported_by_the_validator_not_as_a_parse_error() throws IOException {
        String json = PlanJsonTest.preset().replaceFirst("\"terms\": \\{[^}]*}", "\"terms\": null");
        Plan plan = PlanJson.read(json);

        assertThat(PlanValidator.problems(plan)).extracting(PlanProblem::kind).containsExactly(Kind.MISSING_TERMS);
    }

    @Test
    void a_higher_level_without_conditions_is_unreachable_unless_the_plan_is_analyst_graded() {
        List<PlanLevel> levels = List.of(level(Level.GENERAL, "一"), level(Level.MAJOR, "三"));

        PlanProblem problem = single(new Plan("v", 1, "测试预案", null, levels, null, false));
        assertThat(problem.kind()).isEqualTo(Kind.UNREACHABLE_LEVEL);
        assertThat(problem.level()).isEqualTo(Level.MAJOR);
        assertThat(problem.message()).contains("analystGraded");

        assertThat(PlanValidator.problems(new Plan("v", 1, "测试预案", null, levels, null, true))).isEmpty();
    }

    @Test
    void a_lower_upper_bound_above_a_higher_lower_bound_overlaps() {
        PlanProblem problem = single(plan(
                level(Level.GENERAL, "一", metric(VOLUME, AT_MOST, 600, "一")),
                level(Level.MAJOR, "三", metric(VOLUME, MORE_THAN, 500, "三"))));

        assertThat(problem.kind()).isEqualTo(Kind.OVERLAPPING_BANDS);
        assertThat(problem.level()).isEqualTo(Level.GENERAL);
        assertThat(problem.condition()).isEqualTo("舆情总量 ≤ 600");
        assertThat(problem.message()).contains("600", "501", "重大（MAJOR）", "（一）");
    }

    @Test
    void bands_that_only_share_their_boundary_number_do_not_overlap() {
        // "5家以下" and "5家以上" both include 5; where two levels match, the higher wins.
        assertThat(PlanValidator.problems(plan(
                level(Level.GENERAL, "一", metric(VOLUME, AT_MOST, 500, "一")),
                level(Level.SERIOUS, "二", metric(VOLUME, AT_LEAST, 500, "二")),
                level(Level.MAJOR, "三", metric(VOLUME, MORE_THAN, 500, "三"))))).isEmpty();
        assertThat(PlanValidator.problems(plan(
                level(Level.GENERAL, "一", metric(VOLUME, LESS_THAN, 502, "一")),
                level(Level.MAJOR, "三", metric(VOLUME, MORE_THAN, 500, "三"))))).isEmpty();
        assertThat(single(plan(
                level(Level.GENERAL, "一", metric(VOLUME, LESS_THAN, 503, "一")),
                level(Level.MAJOR, "三", metric(VOLUME, MORE_THAN, 500, "三")))).kind())
                .isEqualTo(Kind.OVERLAPPING_BANDS);
    }

    @Test
    void a_condition_without_its_section_is_named() {
        PlanProblem problem = single(plan(
                level(Level.GENERAL, "一"),
                level(Level.SERIOUS, "二", metric(VOLUME, AT_LEAST, 51, null))));

        assertThat(problem.kind()).isEqualTo(Kind.MISSING_SECTION);
        assertThat(problem.message()).contains("较大（SERIOUS）", "舆情总量 ≥ 51");
    }

    @Test
    void an_invalid_plan_is_refused_with_every_problem_listed() {
        Plan plan = plan(
                level(Level.GENERAL, "一"),
                level(Level.SERIOUS, "二", metric(VOLUME, AT_LEAST, -5, "二")),
                level(Level.MAJOR, "三"));

        assertThatThrownBy(() -> PlanValidator.requireValid(plan))
                .isInstanceOfSatisfying(InvalidPlanException.class, e -> {
                    assertThat(e.problems()).extracting(PlanProblem::kind)
                            .containsExactly(Kind.NEGATIVE_THRESHOLD, Kind.UNREACHABLE_LEVEL);
                    assertThat(e.getStatusCode().value()).isEqualTo(422);
                    assertThat(e.getBody().getProperties()).containsKey("problems");
                });
    }

    @Test
    void the_analyst_graded_flag_round_trips_and_defaults_to_false() throws IOException {
        Plan district = PlanJson.read(PlanJsonTest.preset());
        Plan analyst = new Plan("a", 1, "测试预案", null, List.of(level(Level.GENERAL, "一"), level(Level.MAJOR, "三")),
                List.of("由研判人员认定"), true);

        assertThat(district.analystGraded()).isFalse();
        assertThat(PlanJson.read(PlanJson.write(analyst))).isEqualTo(analyst);
        assertThat(PlanJson.write(analyst)).contains("\"analystGraded\":true");
    }

    private static PlanProblem single(Plan plan) {
        List<PlanProblem> problems = PlanValidator.problems(plan);
        assertThat(problems).hasSize(1);
        return problems.getFirst();
    }

    private static Plan plan(PlanLevel... levels) {
        return new Plan("validator-test", 1, "测试预案", null, List.of(levels), null);
    }

    private static PlanLevel level(Level level, String section, Condition... conditions) {
        return new PlanLevel(level, section, null, List.of(conditions), TERMS, null);
    }

    private static MetricCondition metric(Metric metric, MetricComparator comparator, long value, String section) {
        return new MetricCondition(metric, comparator, value, section, null);
    }
}
