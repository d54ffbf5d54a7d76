package org.yuqing.ui.cases;

import java.time.Instant;
import java.util.List;

/**
 * One case as {@code GET /api/casework/cases} lists it. Times are instants (UTC on the wire); {@code null} when not
 * reached yet.
 *
 * @param id                  case id
 * @param incidentId          the incident the case handles
 * @param title               case title
 * @param unitId              the responsible unit (责任单位)
 * @param level               level code, e.g. {@code MAJOR}
 * @param levelName           level name from the service, e.g. 重大
 * @param state               state code
 * @param stateName           state name from the service
 * @param openedAt            when the case was opened
 * @param reportDueAt         report deadline (报告时限)
 * @param reportedAt          when it was reported, {@code null} until then
 * @param firstStatementDueAt first public statement deadline (首次发布时限)
 * @param firstStatementAt    when the first statement was published, {@code null} until then
 * @param overdue             the names of the deadlines already missed
 * @param assignees           who works the case (经办人), by login
 */
public record CaseSummary(String id, String incidentId, String title, String unitId, String level, String levelName,
                          String state, String stateName, Instant openedAt, Instant reportDueAt, Instant reportedAt,
                          Instant firstStatementDueAt, Instant firstStatementAt, List<String> overdue,
                          List<Assignee> assignees) {

    /** Normalises missing lists to empty ones. */
    public CaseSummary {
        overdue = overdue == null ? List.of() : List.copyOf(overdue);
        assignees = assignees == null ? List.of() : List.copyOf(assignees);
    }

    /** Whether {@code login} is one of the case's assignees. */
    public boolean assignedTo(String login) {
        return login != null && assignees.stream().anyMatch(a -> login.equals(a.login()));
    }
}
