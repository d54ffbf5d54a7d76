package org.yuqing.casework.documents;

import org.yuqing.casework.cases.HeatPoint;
import org.yuqing.casework.clocks.DeadlineClock;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Category;
import org.yuqing.domain.Level;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything the documents say about one case, read in one transaction: the case row, its deadline clocks, its
 * timeline (oldest first) and its tasks. Instants are UTC.
 *
 * @param planName        the response plan's display name
 * @param reviewSummary   the written review (总结评估), or {@code null} before it is recorded
 * @param reviewLessons   lessons for plan revision, or {@code null}
 * @param heat            monitoring's measurements of the incident's heat, oldest first (empty when none came)
 */
record CaseDossier(
        UUID id,
        UUID incidentId,
        String unitId,
        String title,
        Level level,
        String state,
        String stateName,
        Category category,
        String planId,
        int planVersion,
        String planName,
        Instant openedAt,
        Instant reportDueAt,
        Instant reportedAt,
        Instant firstStatementDueAt,
        Instant firstStatementAt,
        List<ApprovalStep> statementApprovals,
        Instant subsidedAt,
        Instant reviewDueAt,
        Instant reviewedAt,
        String reviewSummary,
        String reviewLessons,
        List<DeadlineClock> clocks,
        List<Entry> timeline,
        List<Task> tasks,
        List<HeatPoint> heat) {

    CaseDossier {
        heat = List.copyOf(heat);
        statementApprovals = List.copyOf(statementApprovals);
        clocks = List.copyOf(clocks);
        timeline = List.copyOf(timeline);
        tasks = List.copyOf(tasks);
    }

    /** The dossier without monitoring's heat series (the curve falls back to the figures the grades cite). */
    CaseDossier(UUID id, UUID incidentId, String unitId, String title, Level level, String state, String stateName,
                Category category, String planId, int planVersion, String planName, Instant openedAt,
                Instant reportDueAt, Instant reportedAt, Instant firstStatementDueAt, Instant firstStatementAt,
                List<ApprovalStep> statementApprovals, Instant subsidedAt, Instant reviewDueAt, Instant reviewedAt,
                String reviewSummary, String reviewLessons, List<DeadlineClock> clocks, List<Entry> timeline,
                List<Task> tasks) {
        this(id, incidentId, unitId, title, level, state, stateName, category, planId, planVersion, planName,
                openedAt, reportDueAt, reportedAt, firstStatementDueAt, firstStatementAt, statementApprovals,
                subsidedAt, reviewDueAt, reviewedAt, reviewSummary, reviewLessons, clocks, timeline, tasks, List.of());
    }

    /** The timeline entries of one kind (e.g. {@code REPORTED}), oldest first. */
    List<Entry> entries(String kind) {
        return timeline.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    /**
     * A timeline entry as stored.
     *
     * @param kind   the {@code TimelineKind} name
     * @param detail the facts behind the summary (JSON object)
     */
    record Entry(Instant at, String kind, String summary, String actor, JsonNode detail) {
    }

    /**
     * A task given to a unit.
     *
     * @param completedAt when it was completed, or {@code null} while open
     */
    record Task(String unitId, String title, Instant dueAt, String createdBy, Instant createdAt, String completedBy,
                Instant completedAt) {
    }
}
