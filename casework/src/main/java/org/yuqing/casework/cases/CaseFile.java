package org.yuqing.casework.cases;

import org.yuqing.casework.clocks.ClockName;
import org.yuqing.casework.clocks.DeadlineClock;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Level;
import org.yuqing.domain.ResponseTerms;
import org.yuqing.domain.events.IncidentGraded;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A case as stored, with the rules that move its clocks. Deadlines are copied from the grade's
 * terms, so a later plan edit never moves a running clock. Instants are UTC.
 *
 * @param reportedAt       the first report to leadership, or {@code null}; it stops the report clock
 * @param firstStatementAt the first published statement, or {@code null}; it stops that clock
 */
record CaseFile(
        UUID id,
        UUID incidentId,
        String unitId,
        String title,
        Level level,
        CaseState state,
        String planId,
        int planVersion,
        ResponseTerms terms,
        Instant openedAt,
        Instant reportDueAt,
        Instant reportedAt,
        Instant firstStatementDueAt,
        Instant firstStatementAt,
        List<ApprovalStep> statementApprovals,
        Instant createdAt,
        Instant updatedAt) {

    CaseFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(terms, "terms");
        statementApprovals = List.copyOf(statementApprovals);
    }

    /**
     * A case opened by a grade whose terms open one: the clocks count from the grade (the moment the
     * plan's obligation arose), not from when this service got round to reading it.
     */
    static CaseFile openedBy(IncidentGraded grade, UUID id, Instant now) {
        ResponseTerms terms = grade.terms();
        return new CaseFile(id, grade.incidentId(), grade.unitId(), grade.title(), grade.level(),
                CaseState.ASSESSING, grade.planId(), grade.planVersion(), terms, grade.occurredAt(),
                grade.occurredAt().plus(terms.reportWithin()), null,
                grade.occurredAt().plus(terms.firstStatementWithin()), null,
                terms.statementApprovals(), now, now);
    }

    /**
     * The case after its incident rose to a higher level. An unreported case owes the higher level's
     * report within that level's limit counted from the escalation; a first statement still owed is
     * due by the earlier of its current deadline and the new level's.
     */
    CaseFile escalatedBy(IncidentGraded grade, Instant now) {
        ResponseTerms newTerms = grade.terms();
        Instant reportDue = reportedAt == null ? grade.occurredAt().plus(newTerms.reportWithin()) : reportDueAt;
        Instant statementDue = firstStatementDueAt;
        Instant tighter = grade.occurredAt().plus(newTerms.firstStatementWithin());
        if (firstStatementAt == null && tighter.isBefore(statementDue)) {
            statementDue = tighter;
        }
        return new CaseFile(id, incidentId, unitId, title, grade.level(), state, grade.planId(), grade.planVersion(),
                newTerms, openedAt, reportDue, reportedAt, statementDue, firstStatementAt,
                newTerms.statementApprovals(), createdAt, now);
    }

    /** The case after a report at {@code at}: the first one stops the report clock. */
    CaseFile reported(Instant at, Instant now) {
        CaseState next = state.isBefore(CaseState.REPORTED) ? CaseState.REPORTED : state;
        return new CaseFile(id, incidentId, unitId, title, level, next, planId, planVersion, terms, openedAt,
                reportDueAt, reportedAt == null ? at : reportedAt, firstStatementDueAt, firstStatementAt,
                statementApprovals, createdAt, now);
    }

    /** The case after a statement was published at {@code at}: the first one stops that clock. */
    CaseFile statementPublished(Instant at, Instant now) {
        return new CaseFile(id, incidentId, unitId, title, level, state, planId, planVersion, terms, openedAt,
                reportDueAt, reportedAt, firstStatementDueAt, firstStatementAt == null ? at : firstStatementAt,
                statementApprovals, createdAt, now);
    }

    /** The deadline clocks, in the order the plans run them. */
    List<DeadlineClock> clocks() {
        return List.of(
                new DeadlineClock(ClockName.REPORT, reportDueAt, reportedAt),
                new DeadlineClock(ClockName.FIRST_STATEMENT, firstStatementDueAt, firstStatementAt));
    }
}
