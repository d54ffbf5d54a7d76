package org.yuqing.ui.cases;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One deadline of a case that is still open: which one (its message key) and when it is due.
 *
 * @param nameKey message key of its name, e.g. {@code cases.deadline.report}
 * @param dueAt   when it is due
 */
record Deadline(String nameKey, Instant dueAt) {

    /**
     * The case's next deadline: the earliest of its deadlines not met yet (报告时限 until reported, 首次发布时限 until
     * the first statement is out); on equal times the report comes first.
     *
     * @param summary a case
     * @return the deadline, empty when every deadline is met or none is set
     */
    static Optional<Deadline> next(CaseSummary summary) {
        return Stream.of(
                        open("cases.deadline.report", summary.reportDueAt(), summary.reportedAt()),
                        open("cases.deadline.firstStatement", summary.firstStatementDueAt(),
                                summary.firstStatementAt()))
                .flatMap(Optional::stream)
                .min(Comparator.comparing(Deadline::dueAt));
    }

    private static Optional<Deadline> open(String nameKey, Instant dueAt, Instant metAt) {
        return dueAt == null || metAt != null ? Optional.empty() : Optional.of(new Deadline(nameKey, dueAt));
    }
}
