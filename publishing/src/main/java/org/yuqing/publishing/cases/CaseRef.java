package org.yuqing.publishing.cases;

import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Level;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What publishing knows of a case opened by casework.
 *
 * @param caseId             the case
 * @param incidentId         the incident it handles
 * @param unitId             the owning unit
 * @param title              the case title
 * @param level              the level it opened at
 * @param statementApprovals approvals a statement of this case needs, in order; may be empty
 * @param openedAt           when casework opened it (UTC)
 */
public record CaseRef(UUID caseId, UUID incidentId, String unitId, String title, Level level,
                      List<ApprovalStep> statementApprovals, Instant openedAt) {

    public CaseRef {
        statementApprovals = List.copyOf(statementApprovals);
    }
}
