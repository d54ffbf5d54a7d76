package org.yuqing.grading.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yuqing.domain.IncidentFlag;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.Level;
import org.yuqing.grading.plans.Plan;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Both sides of every threshold of the numeric presets, read the way the plans' Chinese reads. */
class PresetBoundaryTest {

    private static final Plan WORK_SAFETY = Presets.byId("work-safety");
    private static final Plan ENTERPRISE = Presets.byId("enterprise");

    @ParameterizedTest(name = "work-safety: {0} sites, {1} reads in 24 h → {2}")
    @CsvSource({
            "2, 0,      GENERAL",
            "2, 1000,   GENERAL",
            "2, 1001,   SERIOUS",
            "2, 10000,  SERIOUS",
            "2, 10001,  MAJOR",
            "2, 50000,  MAJOR",
            "2, 50001,  EXTRAORDINARY",
            "5, 50001,  EXTRAORDINARY",
            "1, 1001,   GENERAL",
            "1, 10001,  GENERAL",
            "1, 999999, GENERAL",
            "0, 999999, GENERAL"})
    void work_safety_reads_count_only_when_the_same_statement_is_on_two_sites(int sites, long reads24h,
                                                                             Level expected) {
        IncidentMetrics metrics = metrics().sitesPerStatement(sites).reads24h(reads24h).build();

        assertThat(GradingEngine.grade(metrics, WORK_SAFETY).level()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "work-safety: {0} reposts → {1}")
    @CsvSource({
            "0,   GENERAL",
            "100, GENERAL",
            "101, SERIOUS",
            "300, SERIOUS",
            "301, MAJOR",
            "500, MAJOR",
            "501, EXTRAORDINARY"})
    void work_safety_reposts_grade_on_their_own(long reposts, Level expected) {
        IncidentMetrics metrics = metrics().reposts(reposts).build();

        assertThat(GradingEngine.grade(metrics, WORK_SAFETY).level()).isEqualTo(expected);
    }

    @Test
    void work_safety_reads_over_a_day_do_not_count_as_reads_in_one_day() {
        IncidentMetrics metrics = metrics().sitesPerStatement(3).reads(1_000_000).reads24h(1000).build();

        assertThat(GradingEngine.grade(metrics, WORK_SAFETY).level()).isEqualTo(Level.GENERAL);
    }

    @Test
    void a_work_safety_reason_cites_both_parts_and_the_section() {
        Grade grade = GradingEngine.grade(metrics().sitesPerStatement(2).reads24h(10_001).build(), WORK_SAFETY);

        assertThat(grade.reasons()).containsExactly(
                "同一信息网站数 2 个 ≥ 2，且24小时阅读量 10001 次 > 10000 — 安全生产网络舆情应对预案 二(三)3");
    }

    @ParameterizedTest(name = "enterprise: {0} clicks → {1}")
    @CsvSource({"0, GENERAL", "999, GENERAL", "1000, MAJOR", "2999, MAJOR", "3000, EXTRAORDINARY"})
    void enterprise_clicks_bands(long reads, Level expected) {
        assertThat(GradingEngine.grade(metrics().reads(reads).build(), ENTERPRISE).level()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "enterprise: {0} comments → {1}")
    @CsvSource({"0, GENERAL", "99, GENERAL", "100, MAJOR", "499, MAJOR", "500, EXTRAORDINARY"})
    void enterprise_comment_bands(long comments, Level expected) {
        assertThat(GradingEngine.grade(metrics().comments(comments).build(), ENTERPRISE).level())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "enterprise: {0} mainstream sites → {1}")
    @CsvSource({"0, GENERAL", "1, MAJOR", "4, MAJOR", "5, EXTRAORDINARY", "12, EXTRAORDINARY"})
    void enterprise_mainstream_site_bands(int outlets, Level expected) {
        assertThat(GradingEngine.grade(metrics().mainstream(outlets).build(), ENTERPRISE).level())
                .isEqualTo(expected);
    }

    @Test
    void the_enterprise_plan_never_grades_serious_because_it_has_no_such_level() {
        for (long reads = 0; reads <= 4000; reads += 50) {
            assertThat(GradingEngine.grade(metrics().reads(reads).build(), ENTERPRISE).level())
                    .isNotEqualTo(Level.SERIOUS);
        }
    }

    @Test
    void analyst_graded_presets_grade_every_incident_general_with_the_reason_why() {
        IncidentMetrics huge = new IncidentMetrics(100_000, 9_000_000, 50_000, 50_000, 300, 40, 300, 100_000,
                9_000_000, 50_000, 50_000, 1, EnumSet.allOf(IncidentFlag.class));
        for (String id : new String[]{"county-education", "municipal-ethnic-religious"}) {
            Plan plan = Presets.byId(id);
            Grade grade = GradingEngine.grade(huge, plan);

            assertThat(plan.analystGraded()).isTrue();
            assertThat(grade.level()).isEqualTo(Level.GENERAL);
            assertThat(grade.reasons().getFirst()).startsWith(GradingEngine.NO_HIGHER_LEVEL).contains(plan.name());
        }
    }

    private static Builder metrics() {
        return new Builder();
    }

    /** All zero unless set. */
    private static final class Builder {
        private long reads;
        private long comments;
        private long reposts;
        private int mainstream;
        private int sitesPerStatement;
        private long reads24h;

        Builder reads(long v) {
            reads = v;
            return this;
        }

        Builder comments(long v) {
            comments = v;
            return this;
        }

        Builder reposts(long v) {
            reposts = v;
            return this;
        }

        Builder mainstream(int v) {
            mainstream = v;
            return this;
        }

        Builder sitesPerStatement(int v) {
            sitesPerStatement = v;
            return this;
        }

        Builder reads24h(long v) {
            reads24h = v;
            return this;
        }

        IncidentMetrics build() {
            return new IncidentMetrics(0, reads, comments, reposts, sitesPerStatement, mainstream, sitesPerStatement,
                    0, reads24h, 0, 0, 0, EnumSet.noneOf(IncidentFlag.class));
        }
    }
}
