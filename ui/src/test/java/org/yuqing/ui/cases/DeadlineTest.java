package org.yuqing.ui.cases;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineTest {

    private static final Instant T = Instant.parse("2026-11-21T08:00:00Z");

    @Test
    void the_next_deadline_is_the_earliest_one_not_met_yet() {
        assertThat(Deadline.next(summary(T.plusSeconds(1800), null, T.plusSeconds(3600), null)))
                .contains(new Deadline("cases.deadline.report", T.plusSeconds(1800)));
        assertThat(Deadline.next(summary(T.plusSeconds(7200), null, T.plusSeconds(3600), null)))
                .contains(new Deadline("cases.deadline.firstStatement", T.plusSeconds(3600)));
    }

    @Test
    void a_met_deadline_no_longer_counts_even_when_it_was_earlier_or_late() {
        assertThat(Deadline.next(summary(T, T.plusSeconds(60), T.plusSeconds(3600), null)))
                .contains(new Deadline("cases.deadline.firstStatement", T.plusSeconds(3600)));
        assertThat(Deadline.next(summary(T, T, T.plusSeconds(3600), T))).isEmpty();
    }

    @Test
    void an_overdue_deadline_still_comes_first_and_a_missing_one_is_skipped() {
        assertThat(Deadline.next(summary(T.minusSeconds(600), null, null, null)))
                .contains(new Deadline("cases.deadline.report", T.minusSeconds(600)));
        assertThat(Deadline.next(summary(null, null, null, null))).isEmpty();
    }

    @Test
    void on_equal_times_the_report_comes_first() {
        assertThat(Deadline.next(summary(T, null, T, null)))
                .contains(new Deadline("cases.deadline.report", T));
    }

    private static CaseSummary summary(Instant reportDue, Instant reported, Instant statementDue, Instant published) {
        return new CaseSummary("c-1", "i-1", "化工厂爆炸", "district", "MAJOR", "重大", "RESPONDING", "处置中",
                T.minusSeconds(3600), reportDue, reported, statementDue, published, List.of(), List.of());
    }
}
