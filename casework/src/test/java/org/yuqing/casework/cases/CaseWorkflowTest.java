package org.yuqing.casework.cases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yuqing.domain.Level;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.casework.cases.Fixtures.T0;

class CaseWorkflowTest {

    /** The table of DOMAIN.md's pipeline: every move a user may make. */
    private static final Set<List<CaseState>> ALLOWED = Set.of(
            List.of(CaseState.DETECTED, CaseState.ASSESSING),
            List.of(CaseState.ASSESSING, CaseState.REPORTED),
            List.of(CaseState.REPORTED, CaseState.CONSULTING),
            List.of(CaseState.REPORTED, CaseState.RESPONDING),
            List.of(CaseState.CONSULTING, CaseState.RESPONDING),
            List.of(CaseState.RESPONDING, CaseState.TRACKING),
            List.of(CaseState.TRACKING, CaseState.RESPONDING),
            List.of(CaseState.TRACKING, CaseState.SUBSIDED),
            List.of(CaseState.SUBSIDED, CaseState.TRACKING),
            List.of(CaseState.SUBSIDED, CaseState.REVIEWED));

    static Stream<Arguments> everyPairOfStates() {
        List<Arguments> pairs = new ArrayList<>();
        for (CaseState from : CaseState.values()) {
            for (CaseState to : CaseState.values()) {
                pairs.add(Arguments.of(from, to, ALLOWED.contains(List.of(from, to))));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPairOfStates")
    void each_move_is_allowed_exactly_when_the_workflow_table_has_it_and_its_guard_passes(CaseState from, CaseState to,
                                                                                         boolean allowed) {
        // Guards satisfied, so only the table decides.
        CaseFile c = reportedAndReviewedIn(from);

        assertThat(CaseWorkflow.refusal(c, to).isEmpty()).isEqualTo(allowed);
        assertThat(CaseWorkflow.targets(from).contains(to)).isEqualTo(allowed);
    }

    @Test
    void reported_needs_a_report_recorded() {
        CaseFile unreported = open().movedTo(CaseState.ASSESSING, T0);

        assertThat(CaseWorkflow.refusal(unreported, CaseState.REPORTED)).hasValueSatisfying(r -> assertThat(r).contains("report"));
        assertThat(CaseWorkflow.allowed(unreported)).isEmpty();
    }

    @Test
    void reviewed_needs_the_review_recorded_and_the_subsidence_starts_the_review_clock_of_the_terms() {
        Instant subsided = T0.plus(Duration.ofDays(2));
        CaseFile c = open().movedTo(CaseState.SUBSIDED, subsided);

        assertThat(c.reviewDueAt()).isEqualTo(subsided.plus(Duration.ofHours(72)));
        assertThat(CaseWorkflow.refusal(c, CaseState.REVIEWED)).hasValueSatisfying(r -> assertThat(r).contains("review"));
        assertThat(CaseWorkflow.allowed(c)).containsExactly(CaseState.TRACKING);
        assertThat(CaseWorkflow.allowed(c.reviewed(subsided.plusSeconds(60))))
                .containsExactly(CaseState.TRACKING, CaseState.REVIEWED);
    }

    @Test
    void moving_back_from_subsided_to_tracking_clears_the_review_clock() {
        CaseFile c = open().movedTo(CaseState.SUBSIDED, T0).reviewed(T0.plusSeconds(60)).movedTo(CaseState.TRACKING,
                T0.plusSeconds(120));

        assertThat(c.subsidedAt()).isNull();
        assertThat(c.reviewDueAt()).isNull();
        assertThat(c.reviewedAt()).isNull();
        // Tracked again: no review clock, but progress updates (续报) are owed again.
        assertThat(c.clocks()).extracting(org.yuqing.casework.clocks.DeadlineClock::name).containsExactly(
                org.yuqing.casework.clocks.ClockName.REPORT, org.yuqing.casework.clocks.ClockName.FIRST_STATEMENT,
                org.yuqing.casework.clocks.ClockName.PROGRESS_UPDATE);
    }

    @Test
    void a_reviewed_case_moves_nowhere() {
        assertThat(CaseWorkflow.targets(CaseState.REVIEWED)).isEmpty();
        assertThat(EnumSet.allOf(CaseState.class).stream().filter(s -> CaseWorkflow.targets(s).isEmpty()).toList())
                .containsExactly(CaseState.REVIEWED);
    }

    private static CaseFile open() {
        return CaseFile.openedByHand(UUID.randomUUID(), UUID.randomUUID(), "district", "测试", Level.MAJOR,
                DefaultTerms.at(Level.MAJOR), T0);
    }

    private static CaseFile reportedAndReviewedIn(CaseState state) {
        CaseFile moved = open().reported(ReportKind.PHONE, T0.plusSeconds(60), T0.plusSeconds(60)).movedTo(state, T0.plusSeconds(120));
        return state == CaseState.SUBSIDED || state == CaseState.REVIEWED ? moved.reviewed(T0.plusSeconds(180)) : moved;
    }
}
