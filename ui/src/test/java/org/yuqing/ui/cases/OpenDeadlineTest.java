package org.yuqing.ui.cases;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenDeadlineTest {

    private static final Instant T = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void only_the_clocks_of_the_users_units_and_the_tasks_given_to_them_count_soonest_first() {
        CaseDetail own = detail("c-own", "district",
                List.of(clock("REPORT", T.plusSeconds(600), null, "RUNNING"),
                        clock("FIRST_STATEMENT", T.plusSeconds(7200), null, "RUNNING")),
                List.of(task("t-other", "district-east", T.minusSeconds(60), null)));
        CaseDetail below = detail("c-below", "district-east",
                List.of(clock("REPORT", T.minusSeconds(300), null, "MISSED")),
                List.of(task("t-mine", "district", T.plusSeconds(600), null)));

        List<OpenDeadline> mine = OpenDeadline.of(List.of(own, below), Set.of("district"));

        assertThat(mine).extracting(OpenDeadline::caseId, OpenDeadline::clock, OpenDeadline::name)
                .as("on equal times the clock before the task").containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c-own", "REPORT", "REPORT名"),
                        org.assertj.core.groups.Tuple.tuple("c-below", null, "t-mine 任务"),
                        org.assertj.core.groups.Tuple.tuple("c-own", "FIRST_STATEMENT", "FIRST_STATEMENT名"));
    }

    @Test
    void met_clocks_and_completed_tasks_are_no_longer_open_but_a_missed_clock_is() {
        CaseDetail c = detail("c", "district",
                List.of(clock("REPORT", T, T.minusSeconds(60), "MET"),
                        clock("WRITTEN_REPORT", T.minusSeconds(60), T, "MET_LATE"),
                        clock("INQUIRY_REPLY", T.minusSeconds(3600), null, "MISSED")),
                List.of(task("t-done", "district", T, T.minusSeconds(10))));

        assertThat(OpenDeadline.of(List.of(c), Set.of("district"))).extracting(OpenDeadline::clock)
                .containsExactly("INQUIRY_REPLY");
        assertThat(OpenDeadline.of(List.of(c), Set.of("west"))).isEmpty();
    }

    private static CaseDetail detail(String id, String unit, List<CaseDetail.Clock> clocks,
                                     List<CaseDetail.Task> tasks) {
        return new CaseDetail(id, "i-" + id, "案件 " + id, unit, "MAJOR", "重大", "RESPONDING", "处置回应", "INQUIRY",
                "询问质疑", T.minusSeconds(7200), null, null, List.of(), List.of(), clocks, List.of(), tasks, List.of());
    }

    private static CaseDetail.Clock clock(String name, Instant due, Instant met, String status) {
        return new CaseDetail.Clock(name, name + "名", due, met, status, status);
    }

    private static CaseDetail.Task task(String id, String unit, Instant due, Instant completed) {
        return new CaseDetail.Task(id, unit, id + " 任务", due, "demo", T.minusSeconds(3600),
                completed == null ? null : "zhang", completed, completed == null ? "OPEN" : "DONE", "", false);
    }
}
