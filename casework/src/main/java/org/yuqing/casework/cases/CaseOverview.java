package org.yuqing.casework.cases;

import org.yuqing.casework.clocks.DeadlineClock;
import org.yuqing.domain.Level;

import java.util.List;
import java.util.UUID;

/**
 * A case with its deadline clocks and its assignees, as other casework features read it (documents, my deadlines).
 *
 * @param clocks    the case's clocks in the order the plans run them (as the case detail shows them)
 * @param assignees who works it, by login
 */
public record CaseOverview(UUID id, UUID incidentId, String unitId, String title, Level level, CaseState state,
                           List<DeadlineClock> clocks, List<Assignee> assignees) {

    public CaseOverview {
        clocks = List.copyOf(clocks);
        assignees = List.copyOf(assignees);
    }
}
