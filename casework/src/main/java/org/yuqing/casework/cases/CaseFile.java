package org.yuqing.casework.cases;

import org.yuqing.casework.clocks.ClockName;
import org.yuqing.casework.clocks.DeadlineClock;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Category;
import org.yuqing.domain.Level;
import org.yuqing.domain.ResponseTerms;
import org.yuqing.domain.events.IncidentGraded;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A case as stored, with the rules that move its clocks. Deadlines are copied from the grade's
 * terms, so a later plan edit never moves a running clock. Instants are UTC.
 *
 * @param reportedAt       the first report to leadership, or {@code null}; it stops the report clock
 * @param firstStatementAt the first published statement, or {@code null}; it stops that clock
 * @param subsidedAt       when the case last moved to {@link CaseState#SUBSIDED}, or {@code null}
 * @param reviewDueAt      the review deadline started by that move, or {@code null} while none runs
 * @param reviewedAt       when the post-incident review was recorded, or {@code null}; it stops the review clock
 * @param followups        the written-report, inquiry-reply and progress-update clocks
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
        Instant subsidedAt,
        Instant reviewDueAt,
        Instant reviewedAt,
        Followups followups,
        Instant createdAt,
        Instant updatedAt) {

    CaseFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(followups, "followups");
        statementApprovals = List.copyOf(statementApprovals);
    }

    /**
     * A case opened by a grade whose terms open one: the clocks count from the grade (the moment the
     * plan's obligation arose), not from when this service got round to reading it.
     */
    static CaseFile openedBy(IncidentGraded grade, UUID id, Instant now, Duration progressEvery) {
        ResponseTerms terms = grade.terms();
        return new CaseFile(id, grade.incidentId(), grade.unitId(), grade.title(), grade.level(),
                CaseState.ASSESSING, grade.planId(), grade.planVersion(), terms, grade.occurredAt(),
                grade.occurredAt().plus(terms.reportWithin()), null,
                grade.occurredAt().plus(terms.firstStatementWithin()), null,
                terms.statementApprovals(), null, null, null,
                Followups.opened(grade.category(), grade.occurredAt(), progressEvery), now, now);
    }

    /**
     * A case opened by hand for an incident no grade has opened a case for: the clocks count from
     * {@code now} on the given terms.
     */
    static CaseFile openedByHand(UUID id, UUID incidentId, String unitId, String title, Level level,
                                 ResponseTerms terms, Instant now) {
        return openedByHand(id, incidentId, unitId, title, level, Category.UNCLASSIFIED, terms, now,
                DefaultTerms.PROGRESS_UPDATE_EVERY);
    }

    /** A case opened by hand in a known category (an inquiry's reply clock counts from {@code now}). */
    static CaseFile openedByHand(UUID id, UUID incidentId, String unitId, String title, Level level, Category category,
                                 ResponseTerms terms, Instant now, Duration progressEvery) {
        return new CaseFile(id, incidentId, unitId, title, level, CaseState.ASSESSING, DefaultTerms.PLAN_ID,
                DefaultTerms.PLAN_VERSION, terms, now, now.plus(terms.reportWithin()), null,
                now.plus(terms.firstStatementWithin()), null, terms.statementApprovals(), null, null, null,
                Followups.opened(category, now, progressEvery), now, now);
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
        // 动态跟踪: a subsided case that grows again is tracked again; its review clock stops running.
        Followups classified = followups.classified(grade.category(), openedAt);
        if (state == CaseState.SUBSIDED) {
            return new CaseFile(id, incidentId, unitId, title, grade.level(), CaseState.TRACKING, grade.planId(),
                    grade.planVersion(), newTerms, openedAt, reportDue, reportedAt, statementDue, firstStatementAt,
                    newTerms.statementApprovals(), null, null, null, classified.inState(CaseState.TRACKING, now),
                    createdAt, now);
        }
        return new CaseFile(id, incidentId, unitId, title, grade.level(), state, grade.planId(), grade.planVersion(),
                newTerms, openedAt, reportDue, reportedAt, statementDue, firstStatementAt,
                newTerms.statementApprovals(), subsidedAt, reviewDueAt, reviewedAt, classified, createdAt, now);
    }

    /** The case after a grade that did not raise the level: only the category (and the reply clock) may change. */
    CaseFile regradedAs(Category category, Instant now) {
        return new CaseFile(id, incidentId, unitId, title, level, state, planId, planVersion, terms, openedAt,
                reportDueAt, reportedAt, firstStatementDueAt, firstStatementAt, statementApprovals, subsidedAt,
                reviewDueAt, reviewedAt, followups.classified(category, openedAt), createdAt, now);
    }

    /**
     * The case after a report of {@code kind} at {@code at}: the first one stops the report clock; a phone report
     * starts the written-report clock, a written one stops it; every report is progress (续报).
     */
    CaseFile reported(ReportKind kind, Instant at, Instant now) {
        CaseState next = state.isBefore(CaseState.REPORTED) ? CaseState.REPORTED : state;
        return new CaseFile(id, incidentId, unitId, title, level, next, planId, planVersion, terms, openedAt,
                reportDueAt, reportedAt == null ? at : reportedAt, firstStatementDueAt, firstStatementAt,
                statementApprovals, subsidedAt, reviewDueAt, reviewedAt,
                followups.reported(kind, at, terms.writtenReportAfterPhoneWithin(), next), createdAt, now);
    }

    /**
     * The case after a statement was published at {@code at}: the first one stops that clock; it also replies to an
     * inquiry still owed and is progress (续报).
     */
    CaseFile statementPublished(Instant at, Instant now) {
        return new CaseFile(id, incidentId, unitId, title, level, state, planId, planVersion, terms, openedAt,
                reportDueAt, reportedAt, firstStatementDueAt, firstStatementAt == null ? at : firstStatementAt,
                statementApprovals, subsidedAt, reviewDueAt, reviewedAt, followups.statementPublished(at, state),
                createdAt, now);
    }

    /**
     * The case moved to {@code to} at {@code now}. Moving to SUBSIDED starts the review clock of the case's
     * terms; moving back from SUBSIDED to TRACKING clears it (and any review), so a later subsidence starts afresh.
     * Entering RESPONDING or TRACKING runs the progress clock, leaving them stops it.
     * Whether the move is allowed is {@link CaseWorkflow}'s business.
     */
    CaseFile movedTo(CaseState to, Instant now) {
        Instant subsided = subsidedAt;
        Instant reviewDue = reviewDueAt;
        Instant reviewed = reviewedAt;
        if (to == CaseState.SUBSIDED) {
            subsided = now;
            reviewDue = now.plus(terms.reviewAfterSubsidedWithin());
            reviewed = null;
        } else if (to.isBefore(CaseState.SUBSIDED)) {
            subsided = null;
            reviewDue = null;
            reviewed = null;
        }
        return new CaseFile(id, incidentId, unitId, title, level, to, planId, planVersion, terms, openedAt,
                reportDueAt, reportedAt, firstStatementDueAt, firstStatementAt, statementApprovals, subsided,
                reviewDue, reviewed, followups.inState(to, now), createdAt, now);
    }

    /** The case after its post-incident review was recorded at {@code at}: the review clock stops. */
    CaseFile reviewed(Instant at) {
        return new CaseFile(id, incidentId, unitId, title, level, state, planId, planVersion, terms, openedAt,
                reportDueAt, reportedAt, firstStatementDueAt, firstStatementAt, statementApprovals, subsidedAt,
                reviewDueAt, at, followups, createdAt, at);
    }

    /**
     * The deadline clocks, in the order the plans run them; the written-report, reply, progress and review clocks
     * only while they run or once they have run.
     */
    List<DeadlineClock> clocks() {
        List<DeadlineClock> clocks = new ArrayList<>(List.of(
                new DeadlineClock(ClockName.REPORT, reportDueAt, reportedAt)));
        if (followups.writtenReportDueAt() != null) {
            clocks.add(new DeadlineClock(ClockName.WRITTEN_REPORT, followups.writtenReportDueAt(),
                    followups.writtenReportedAt()));
        }
        clocks.add(new DeadlineClock(ClockName.FIRST_STATEMENT, firstStatementDueAt, firstStatementAt));
        if (followups.inquiryReplyDueAt() != null) {
            clocks.add(new DeadlineClock(ClockName.INQUIRY_REPLY, followups.inquiryReplyDueAt(),
                    followups.inquiryRepliedAt()));
        }
        if (followups.progressDueAt() != null) {
            clocks.add(new DeadlineClock(ClockName.PROGRESS_UPDATE, followups.progressDueAt(), null));
        }
        if (reviewDueAt != null) {
            clocks.add(new DeadlineClock(ClockName.REVIEW, reviewDueAt, reviewedAt));
        }
        return List.copyOf(clocks);
    }
}
