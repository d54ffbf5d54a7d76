package org.yuqing.ui.grading;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Category;
import org.yuqing.domain.IncidentFlag;
import org.yuqing.domain.Level;

/**
 * The grading service's answers as the console reads them (the JSON of {@code /api/grading/**}); fields the console
 * does not use are ignored.
 */
final class GradingRecords {

    private GradingRecords() {
    }

    /** {@code GET /api/grading/plans}: one plan, its latest version. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanSummary(String id, int version, String name, String source, Instant createdAt) {
    }

    /** {@code GET /api/grading/plans/{id}/versions}: one stored version. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanVersion(String planId, int version, String name, Instant createdAt) {
    }

    /** {@code GET /api/grading/assignments}: the plans of one unit. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanAssignment(String unitId, String planId, Map<String, String> topicOverrides, Instant assignedAt) {

        PlanAssignment {
            topicOverrides = topicOverrides == null ? Map.of() : Map.copyOf(topicOverrides);
        }
    }

    /** What a level of a plan requires; durations as ISO-8601 text, e.g. {@code PT2H}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Terms(String reportWithin, String writtenReportAfterPhoneWithin, String firstStatementWithin,
                 String reviewAfterSubsidedWithin, boolean opensCase, List<ApprovalStep> statementApprovals) {

        Terms {
            statementApprovals = statementApprovals == null ? List.of() : List.copyOf(statementApprovals);
        }
    }

    /** {@code GET /api/grading/what-if}: the grade a plan gives a snapshot. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record WhatIfGrade(String planId, int planVersion, String planName, Level level, String levelName,
                       Category category, String categoryName, double categoryConfidence, List<String> decidingWords,
                       List<String> reasons, Terms terms) {
    }

    /** {@code GET /api/grading/what-if/compare}: two plans on one snapshot. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Comparison(Side planA, Side planB, boolean sameLevel, boolean sameTerms, List<Difference> differences) {
    }

    /** One plan's grade in a comparison. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Side(String planId, int planVersion, String planName, Level level, String levelName, List<String> reasons,
                Terms terms) {
    }

    /** A condition only one of the compared plans has at a level ({@code plan} is {@code A} or {@code B}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Difference(Level level, String plan, String condition, String section, boolean holds) {
    }

    /** The numbers and flags an incident was graded on. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metrics(long volume, long reads, long comments, long reposts, int distinctSites, int mainstreamOutlets,
                   int maxSitesPerStatement, long volume24h, long reads24h, long comments24h, long reposts24h,
                   double negativeShare, Set<IncidentFlag> flags) {

        Metrics {
            flags = flags == null ? Set.of() : Set.copyOf(flags);
        }
    }

    /** {@code GET /api/grading/incidents/{id}}: an incident's grade, computed grade, override and history. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record IncidentGrade(UUID incidentId, String unitId, String title, Level level, String levelName,
                         Category category, String categoryName, List<String> reasons, String planId,
                         int planVersion, Instant gradedAt, Instant evaluatedAt, Metrics metrics, Computed computed,
                         Override override, List<HistoryEntry> history) {

        IncidentGrade {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            history = history == null ? List.of() : List.copyOf(history);
        }
    }

    /** What the engine and the classifier computed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Computed(Level level, String levelName, Category category, String categoryName, double confidence,
                    List<String> decidingWords, List<String> reasons) {
    }

    /** The analyst's decision in force; {@code level} or {@code category} {@code null} where not decided. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Override(Level level, String levelName, Category category, String categoryName, String reason, String by,
                    Instant at) {
    }

    /** One change of an incident's grade; {@code source} is {@code ENGINE} or {@code ANALYST}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record HistoryEntry(Level level, String levelName, Level previousLevel, Category category, boolean escalation,
                        List<String> reasons, String planId, int planVersion, Instant gradedAt, String source,
                        String changedBy) {

        HistoryEntry {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        boolean byAnalyst() {
            return "ANALYST".equals(source);
        }
    }

    /** {@code GET /api/grading/incidents}: one recently graded incident of the caller's scope. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RecentGrade(UUID incidentId, String unitId, String title, Level level, String levelName, Category category,
                       String categoryName, Level computedLevel, boolean overridden, boolean escalated,
                       String planId, int planVersion, Instant gradedAt, Instant lastChangedAt) {
    }

    /** {@code GET /api/identity/units}: a unit's name, for the assignment selector. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UnitName(String id, String name) {
    }

    /** One error of a refused plan document (422 {@code errors}): JSON-pointer path, kind and message. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanError(String path, String kind, String message) {
    }
}
