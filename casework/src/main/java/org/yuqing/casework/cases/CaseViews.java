package org.yuqing.casework.cases;

import org.yuqing.casework.clocks.ClockName;
import org.yuqing.casework.clocks.ClockStatus;
import org.yuqing.casework.clocks.DeadlineClock;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Category;
import org.yuqing.domain.Level;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes of the case API. Instants are ISO-8601 UTC. */
final class CaseViews {

    private CaseViews() {
    }

    /**
     * A case in a list. {@code overdue} names the clocks past due and not met; {@code assignees} who works it
     * ({@code [{login, unitId}]}, by login).
     */
    record CaseSummary(UUID id, UUID incidentId, String title, String unitId, Level level, String levelName,
                       CaseState state, String stateName, Instant openedAt, Instant reportDueAt, Instant reportedAt,
                       Instant firstStatementDueAt, Instant firstStatementAt, List<ClockName> overdue,
                       List<Assignee> assignees) {

        static CaseSummary of(Cases.CaseWithAssignees found, Instant now) {
            CaseFile c = found.caseFile();
            return new CaseSummary(c.id(), c.incidentId(), c.title(), c.unitId(), c.level(), c.level().chineseName(),
                    c.state(), c.state().chineseName(), c.openedAt(), c.reportDueAt(), c.reportedAt(),
                    c.firstStatementDueAt(), c.firstStatementAt(), overdueClocks(c, now), found.assignees());
        }
    }

    /**
     * Who works a case: replaces its assignees (an empty list unassigns everyone).
     *
     * @param assignees {@code [{login, unitId}]}; each unit must lie in the caller's scope
     */
    record AssignRequest(List<AssigneeRequest> assignees) {
    }

    /** One assignee as requested: the person's login and the unit they act for (both required). */
    record AssigneeRequest(String login, String unitId) {
    }

    /** The assignees of a case after an assignment. */
    record AssigneesView(UUID caseId, List<Assignee> assignees) {
    }

    /**
     * One case with its clocks and its timeline, oldest entry first; other features' sections (e.g. {@code tasks},
     * {@code attachments}) appear as further top-level properties.
     */
    record CaseDetail(UUID id, UUID incidentId, String title, String unitId, Level level, String levelName,
                      CaseState state, String stateName, String planId, int planVersion, Instant openedAt,
                      Instant reportDueAt, Instant reportedAt, Instant firstStatementDueAt, Instant firstStatementAt,
                      List<ApprovalStep> statementApprovals, Instant subsidedAt, Instant reviewDueAt,
                      Instant reviewedAt, Category category, String categoryName, List<CaseState> nextStates,
                      List<ClockName> overdue, List<ClockView> clocks, List<Assignee> assignees,
                      List<TimelineView> timeline, @JsonAnyGetter Map<String, Object> sections) {

        static CaseDetail of(Cases.CaseWithTimeline found, Instant now) {
            CaseFile c = found.caseFile();
            return new CaseDetail(c.id(), c.incidentId(), c.title(), c.unitId(), c.level(), c.level().chineseName(),
                    c.state(), c.state().chineseName(), c.planId(), c.planVersion(), c.openedAt(), c.reportDueAt(),
                    c.reportedAt(), c.firstStatementDueAt(), c.firstStatementAt(), c.statementApprovals(),
                    c.subsidedAt(), c.reviewDueAt(), c.reviewedAt(), c.followups().category(),
                    c.followups().category().chineseName(), found.nextStates(), overdueClocks(c, now),
                    c.clocks().stream().map(k -> ClockView.of(k, now)).toList(), found.assignees(),
                    found.timeline().stream().map(TimelineView::of).toList(), found.sections());
        }
    }

    /** A deadline clock at the moment of the request. */
    record ClockView(ClockName name, String nameText, Instant dueAt, Instant metAt, ClockStatus status,
                     String statusText) {

        static ClockView of(DeadlineClock clock, Instant now) {
            ClockStatus status = clock.statusAt(now);
            return new ClockView(clock.name(), clock.name().chineseName(), clock.dueAt(), clock.metAt(), status,
                    status.chineseName());
        }
    }

    /**
     * A comment (批注) on a case.
     *
     * @param text the comment (required, at most {@value CaseController#MAX_COMMENT} characters)
     */
    record CommentRequest(String text) {
    }

    /** A timeline entry. */
    record TimelineView(Instant at, String kind, String summary, String actor, JsonNode detail) {

        static TimelineView of(TimelineItem item) {
            return new TimelineView(item.at(), item.kind().name(), item.summary(), item.actor(), item.detail());
        }
    }

    /**
     * A report to leadership.
     *
     * @param kind       PHONE, WRITTEN or SPECIAL
     * @param to         the recipients, e.g. 区委宣传部分管领导
     * @param reportedAt when it was made; now when absent
     * @param level      the level the report states (报告所述级别); the case's level when absent. A level below the
     *                   case's is recorded as such and counts as concealment (瞒报) in the per-unit accountability
     */
    record ReportRequest(ReportKind kind, List<String> to, Instant reportedAt, Level level) {
    }

    /**
     * A move in the workflow.
     *
     * @param to   the state to move to (required)
     * @param note why, or {@code null}
     */
    record TransitionRequest(CaseState to, String note) {
    }

    /**
     * The post-incident review (总结评估).
     *
     * @param summary the written review (required)
     * @param lessons lessons for plan revision, or {@code null}
     */
    record ReviewRequest(String summary, String lessons) {
    }

    /**
     * A case opened by hand (人工立案); every field is required.
     *
     * @param reason why it is opened by hand, kept on the timeline and in the ledger
     */
    record OpenRequest(UUID incidentId, String title, String unitId, Level level, String reason) {
    }

    private static List<ClockName> overdueClocks(CaseFile c, Instant now) {
        return c.clocks().stream().filter(k -> k.isOverdueAt(now)).map(DeadlineClock::name).toList();
    }
}
