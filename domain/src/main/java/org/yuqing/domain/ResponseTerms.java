package org.yuqing.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a response plan requires of a case at one level: its deadlines, whether a case opens by
 * itself, and the approvals a statement needs. Carried on the grade so casework and publishing act
 * on the plan version that graded the incident.
 *
 * @param reportWithin                  report to leadership within this long of the grade
 * @param writtenReportAfterPhoneWithin written report this long after a phone report
 * @param firstStatementWithin          first public statement within this long (黄金24小时)
 * @param reviewAfterSubsidedWithin     written review this long after the incident subsides
 * @param opensCase                     whether a case opens automatically at this level
 * @param statementApprovals            approvals a statement needs, in order; may be empty
 */
public record ResponseTerms(
        Duration reportWithin,
        Duration writtenReportAfterPhoneWithin,
        Duration firstStatementWithin,
        Duration reviewAfterSubsidedWithin,
        boolean opensCase,
        List<ApprovalStep> statementApprovals) {

    public ResponseTerms {
        Objects.requireNonNull(reportWithin, "reportWithin");
        Objects.requireNonNull(writtenReportAfterPhoneWithin, "writtenReportAfterPhoneWithin");
        Objects.requireNonNull(firstStatementWithin, "firstStatementWithin");
        Objects.requireNonNull(reviewAfterSubsidedWithin, "reviewAfterSubsidedWithin");
        statementApprovals = List.copyOf(statementApprovals);
    }
}
