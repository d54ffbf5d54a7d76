package org.yuqing.grading.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.IncidentFlag;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.Level;
import org.yuqing.domain.ResponseTerms;
import org.yuqing.grading.plans.AllOfCondition;
import org.yuqing.grading.plans.Condition;
import org.yuqing.grading.plans.Metric;
import org.yuqing.grading.plans.MetricComparator;
import org.yuqing.grading.plans.MetricCondition;
import org.yuqing.grading.plans.Plan;
import org.yuqing.grading.plans.PlanLevel;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.domain.IncidentFlag.CASUALTIES;
import static org.yuqing.domain.IncidentFlag.EMERGENCY_CAUSED;
import static org.yuqing.domain.IncidentFlag.FOOD_OR_DRUG_HARM;
import static org.yuqing.domain.IncidentFlag.GROUP_VIOLENCE;
import static org.yuqing.domain.IncidentFlag.KEY_PERSON_EVENT_OR_PERIOD;
import static org.yuqing.domain.IncidentFlag.SENSITIVE_DOMAIN;

class GradingEngineTest {

    private static final Plan DISTRICT = DistrictPreset.PLAN;
    private static final String PLAN = "区网络舆情处置工作应急预案";

    @ParameterizedTest(name = "{0} posts → {1}")
    @CsvSource({
            "0,   GENERAL",
            "50,  GENERAL",
            "51,  SERIOUS",
            "99,  SERIOUS",
            "100, SERIOUS",
            "500, SERIOUS",
            "501, MAJOR",
            "100000, MAJOR"})
    void district_volume_boundaries_follow_the_legal_reading_of_the_plan(long volume, Level expected) {
        assertThat(GradingEngine.grade(Metrics.none().volume(volume).build(), DISTRICT).level()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} mainstream outlets → {1}")
    @CsvSource({"0, GENERAL", "1, MAJOR", "7, MAJOR"})
    void any_mainstream_outlet_makes_a_district_incident_major(int outlets, Level expected) {
        assertThat(GradingEngine.grade(Metrics.none().volume(3).mainstream(outlets).build(), DISTRICT).level())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "'',                             GENERAL",
            "SENSITIVE_DOMAIN,               MAJOR",
            "KEY_PERSON_EVENT_OR_PERIOD,     MAJOR",
            "EMERGENCY_CAUSED,               GENERAL",
            "CASUALTIES,                     GENERAL",
            "FOOD_OR_DRUG_HARM,              GENERAL",
            "EMERGENCY_CAUSED CASUALTIES,    EXTRAORDINARY",
            "GROUP_VIOLENCE,                 EXTRAORDINARY",
            "FOOD_OR_DRUG_HARM CASUALTIES,   EXTRAORDINARY",
            "SENSITIVE_DOMAIN GROUP_VIOLENCE, EXTRAORDINARY"})
    void district_flags_grade_as_the_plan_says(String flags, Level expected) {
        IncidentFlag[] set = flags.isBlank() ? new IncidentFlag[0]
                : Arrays.stream(flags.trim().split("\\s+")).map(IncidentFlag::valueOf).toArray(IncidentFlag[]::new);
        assertThat(GradingEngine.grade(Metrics.none().flags(set).build(), DISTRICT).level()).isEqualTo(expected);
    }

    @Test
    void a_reason_names_the_metric_the_numbers_the_plan_and_its_section() {
        Grade grade = GradingEngine.grade(Metrics.none().volume(3).mainstream(1).build(), DISTRICT);

        assertThat(grade.reasons()).containsExactly("主流媒体 1 家 ≥ 1 — " + PLAN + " 六(三)3");
    }

    @Test
    void every_condition_of_the_winning_level_that_holds_is_a_reason_and_lower_levels_are_not() {
        Grade grade = GradingEngine.grade(Metrics.none().volume(600).mainstream(2).flags(SENSITIVE_DOMAIN).build(),
                DISTRICT);

        assertThat(grade.level()).isEqualTo(Level.MAJOR);
        assertThat(grade.reasons()).containsExactly(
                "舆情总量 600 篇 > 500 — " + PLAN + " 六(三)3（较大为100–500篇，超过500篇按重大）",
                "主流媒体 2 家 ≥ 1 — " + PLAN + " 六(三)3",
                "涉及敏感领域 — " + PLAN + " 六(三)3");
    }

    @Test
    void the_unassigned_range_51_to_99_is_graded_serious_and_the_reason_says_so() {
        Grade grade = GradingEngine.grade(Metrics.none().volume(51).build(), DISTRICT);

        assertThat(grade.reasons()).singleElement().asString()
                .startsWith("舆情总量 51 篇 ≥ 51 — " + PLAN + " 六(三)2")
                .contains("51–99");
    }

    @Test
    void flag_reasons_name_every_flag_of_the_condition() {
        Grade grade = GradingEngine.grade(Metrics.none().flags(EMERGENCY_CAUSED, CASUALTIES).build(), DISTRICT);

        assertThat(grade.reasons()).containsExactly("由突发事件引发、有人员伤亡 — " + PLAN + " 六(三)4");
    }

    @Test
    void when_no_condition_holds_the_lowest_level_is_given_with_that_reason() {
        Grade grade = GradingEngine.grade(Metrics.none().volume(50).build(), DISTRICT);

        assertThat(grade.level()).isEqualTo(Level.GENERAL);
        assertThat(grade.reasons()).containsExactly(GradingEngine.NO_HIGHER_LEVEL + " — " + PLAN + " 六(三)1");
    }

    @ParameterizedTest(name = "{1} {0} {2} is {3}")
    @CsvSource({
            "AT_LEAST,  5, 5, true",  "AT_LEAST,  4, 5, false",
            "MORE_THAN, 6, 5, true",  "MORE_THAN, 5, 5, false",
            "AT_MOST,   5, 5, true",  "AT_MOST,   6, 5, false",
            "LESS_THAN, 4, 5, true",  "LESS_THAN, 5, 5, false"})
    void comparators_follow_chinese_legal_usage(MetricComparator comparator, long actual, long threshold,
                                                boolean holds) {
        assertThat(comparator.test(actual, threshold)).isEqualTo(holds);
    }

    @ParameterizedTest(name = "same statement on {0} sites, {1} reads in 24 h → {2}")
    @CsvSource({
            "1, 60000, GENERAL",
            "2, 1000,  GENERAL",
            "2, 1001,  SERIOUS",
            "2, 10001, MAJOR",
            "2, 50000, MAJOR",
            "2, 50001, EXTRAORDINARY"})
    void all_of_conditions_need_every_part_as_in_the_work_safety_plan(int sites, long reads24h, Level expected) {
        Plan workSafety = new Plan("work-safety-test", 1, "安全生产网络舆情应对预案", null, List.of(
                level(Level.GENERAL),
                level(Level.SERIOUS, sameStatement(1_000)),
                level(Level.MAJOR, sameStatement(10_000)),
                level(Level.EXTRAORDINARY, sameStatement(50_000))), null);

        Grade grade = GradingEngine.grade(Metrics.none().sitesPerStatement(sites).reads24h(reads24h).build(),
                workSafety);

        assertThat(grade.level()).isEqualTo(expected);
        if (expected != Level.GENERAL) {
            assertThat(grade.reasons().getFirst())
                    .startsWith("同一信息网站数 " + sites + " 个 ≥ 2，且24小时阅读量 " + reads24h + " 次 > ");
        }
    }

    @Test
    void a_plan_with_fewer_levels_grades_within_its_own_levels() {
        Plan enterprise = new Plan("enterprise-test", 1, "企业网络舆情应急预案", null, List.of(
                level(Level.GENERAL),
                level(Level.MAJOR, new MetricCondition(Metric.READS, MetricComparator.AT_LEAST, 1_000, "三", null)),
                level(Level.EXTRAORDINARY,
                        new MetricCondition(Metric.READS, MetricComparator.AT_LEAST, 3_000, "三", null))), null);

        assertThat(GradingEngine.grade(reads(999), enterprise).level()).isEqualTo(Level.GENERAL);
        assertThat(GradingEngine.grade(reads(1_000), enterprise).level()).isEqualTo(Level.MAJOR);
        assertThat(GradingEngine.grade(reads(2_999), enterprise).level()).isEqualTo(Level.MAJOR);
        assertThat(GradingEngine.grade(reads(3_000), enterprise).level()).isEqualTo(Level.EXTRAORDINARY);
    }

    @Test
    void grading_is_deterministic() {
        IncidentMetrics metrics = Metrics.none().volume(700).mainstream(3).flags(GROUP_VIOLENCE, KEY_PERSON_EVENT_OR_PERIOD,
                FOOD_OR_DRUG_HARM, CASUALTIES).build();

        assertThat(GradingEngine.grade(metrics, DISTRICT)).isEqualTo(GradingEngine.grade(metrics, DISTRICT));
    }

    private static IncidentMetrics reads(long reads) {
        Metrics m = Metrics.none();
        m.reads = reads;
        return m.build();
    }

    private static Condition sameStatement(long readsMoreThan) {
        return new AllOfCondition(List.of(
                new MetricCondition(Metric.SITES_PER_STATEMENT, MetricComparator.AT_LEAST, 2, null, null),
                new MetricCondition(Metric.READS_24H, MetricComparator.MORE_THAN, readsMoreThan, null, null)),
                "四", null);
    }

    private static PlanLevel level(Level level, Condition... conditions) {
        return new PlanLevel(level, null, null, List.of(conditions), new ResponseTerms(Duration.ofHours(2),
                Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofDays(3), true, List.of(ApprovalStep.UNIT_HEAD)),
                null);
    }
}
