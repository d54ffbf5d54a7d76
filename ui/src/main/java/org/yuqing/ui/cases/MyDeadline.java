package org.yuqing.ui.cases;

import java.time.Instant;
import java.util.List;

/**
 * One of the user's deadlines as {@code GET /api/casework/deadlines/mine} lists them (soonest first): a running clock
 * or an open task of a case assigned to the user, or (asked with {@code units=true}) of a case of the user's units.
 *
 * @param caseId       the case
 * @param caseTitle    its title
 * @param level        its level code
 * @param levelName    the service's name of the level
 * @param caseUnitId   the case's responsible unit
 * @param kind         {@code CLOCK} or {@code TASK}
 * @param name         the clock's code (e.g. {@code REPORT}), or {@code TASK}
 * @param nameText     the service's name of the clock, or the task's title
 * @param taskId       the task, {@code null} for a clock
 * @param unitId       the unit that owes it
 * @param dueAt        when it is due
 * @param state        {@code RUNNING}, {@code WARNING} or {@code MISSED} when it was read
 * @param stateText    the service's words for the state
 * @param assignedToMe whether the user is one of the case's assignees
 * @param assignees    the case's assignees
 */
record MyDeadline(String caseId, String caseTitle, String level, String levelName, String caseUnitId, String kind,
                  String name, String nameText, String taskId, String unitId, Instant dueAt, String state,
                  String stateText, boolean assignedToMe, List<Assignee> assignees) {

    /** Normalises a missing assignee list to an empty one. */
    MyDeadline {
        assignees = assignees == null ? List.of() : List.copyOf(assignees);
    }

    /** Whether it is a task rather than a clock. */
    boolean task() {
        return "TASK".equals(kind);
    }
}
