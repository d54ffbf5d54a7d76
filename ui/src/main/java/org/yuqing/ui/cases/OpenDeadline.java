package org.yuqing.ui.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A deadline still open on a case that falls to a user (我的期限): a running or missed clock of a case whose
 * responsible unit is one of the user's units, or an open task given to one of them.
 *
 * @param caseId    the case
 * @param caseTitle its title
 * @param unitId    the unit it falls to
 * @param clock     the clock's name (e.g. {@code REPORT}), {@code null} for a task
 * @param name      the service's name of the clock, or the task's title
 * @param dueAt     when it is due
 */
record OpenDeadline(String caseId, String caseTitle, String unitId, String clock, String name, Instant dueAt) {

    /** Whether it is a task rather than a clock. */
    boolean task() {
        return clock == null;
    }

    /**
     * The open deadlines of the cases that fall to {@code units}, soonest (and so every missed one) first; on equal
     * times clocks before tasks, then by case title.
     *
     * @param cases the cases, with their clocks and tasks
     * @param units the user's own units
     * @return the deadlines
     */
    static List<OpenDeadline> of(Collection<CaseDetail> cases, Set<String> units) {
        List<OpenDeadline> open = new ArrayList<>();
        for (CaseDetail c : cases) {
            if (units.contains(c.unitId())) {
                c.clocks().stream().filter(CaseDetail.Clock::open).forEach(clock -> open.add(new OpenDeadline(
                        c.id(), c.title(), c.unitId(), clock.name(), clock.nameText(), clock.dueAt())));
            }
            c.tasks().stream().filter(t -> t.open() && units.contains(t.unitId())).forEach(task -> open.add(
                    new OpenDeadline(c.id(), c.title(), task.unitId(), null, task.title(), task.dueAt())));
        }
        open.sort(Comparator.comparing(OpenDeadline::dueAt).thenComparing(OpenDeadline::task)
                .thenComparing(OpenDeadline::caseTitle));
        return List.copyOf(open);
    }
}
