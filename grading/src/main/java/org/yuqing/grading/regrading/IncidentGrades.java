package org.yuqing.grading.regrading;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;
import org.yuqing.domain.Category;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.Level;
import org.yuqing.grading.db.tables.GradeHistory;
import org.yuqing.grading.db.tables.records.GradeHistoryRecord;
import org.yuqing.grading.db.tables.records.IncidentGradeRecord;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.yuqing.grading.db.Tables.GRADE_HISTORY;
import static org.yuqing.grading.db.Tables.INCIDENT_GRADE;

/** The current grade of each incident ({@code incident_grade}) and the changes of it ({@code grade_history}). */
@Repository
class IncidentGrades {

    private final DSLContext db;
    private final JsonMapper json;

    IncidentGrades(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The incident's grade, locked until the transaction ends; empty when it was never graded. */
    Optional<CurrentGrade> lock(UUID incidentId) {
        return db.selectFrom(INCIDENT_GRADE).where(INCIDENT_GRADE.INCIDENT_ID.eq(incidentId))
                .forUpdate()
                .fetchOptional()
                .map(r -> new CurrentGrade(r.getIncidentId(), r.getUnitId(), r.getTopicId(), r.getTitle(),
                        Level.valueOf(r.getLevel()), Category.valueOf(r.getCategory()), strings(r.getReasons()),
                        r.getPlanId(), r.getPlanVersion(),
                        json.readValue(r.getMetrics().data(), IncidentMetrics.class), r.getMetricsAt().toInstant(),
                        r.getOverrideLevel() == null ? null : Level.valueOf(r.getOverrideLevel()),
                        r.getOverrideCategory() == null ? null : Category.valueOf(r.getOverrideCategory()),
                        r.getOverrideReason()));
    }

    /** Stores the first grade of an incident; {@code false} when another transaction stored one first. */
    boolean insertFirst(GradeDecision d) {
        return db.insertInto(INCIDENT_GRADE)
                .set(INCIDENT_GRADE.INCIDENT_ID, d.incidentId())
                .set(INCIDENT_GRADE.UNIT_ID, d.unitId())
                .set(INCIDENT_GRADE.TOPIC_ID, d.topicId())
                .set(INCIDENT_GRADE.TITLE, d.title())
                .set(INCIDENT_GRADE.LEVEL, d.level().name())
                .set(INCIDENT_GRADE.CATEGORY, d.category().name())
                .set(INCIDENT_GRADE.REASONS, jsonb(d.reasons()))
                .set(INCIDENT_GRADE.PLAN_ID, d.planId())
                .set(INCIDENT_GRADE.PLAN_VERSION, d.planVersion())
                .set(INCIDENT_GRADE.METRICS, jsonb(d.metrics()))
                .set(INCIDENT_GRADE.METRICS_AT, time(d.metricsAt()))
                .set(INCIDENT_GRADE.GRADED_AT, time(d.gradedAt()))
                .set(INCIDENT_GRADE.EVALUATED_AT, time(d.gradedAt()))
                .set(INCIDENT_GRADE.CATEGORY_CONFIDENCE, d.classification().confidence())
                .set(INCIDENT_GRADE.CATEGORY_WORDS, jsonb(d.classification().decidingWords()))
                .onConflictDoNothing()
                .execute() == 1;
    }

    /**
     * Stores a re-evaluation. {@code changed} says whether level or category changed; only then
     * does {@code graded_at} move. {@code supersedeOverrideLevel} ends the analyst's level, which the
     * computed level has risen above.
     */
    void update(GradeDecision d, boolean changed, boolean supersedeOverrideLevel) {
        var update = db.update(INCIDENT_GRADE)
                .set(INCIDENT_GRADE.TITLE, d.title())
                .set(INCIDENT_GRADE.LEVEL, d.level().name())
                .set(INCIDENT_GRADE.CATEGORY, d.category().name())
                .set(INCIDENT_GRADE.REASONS, jsonb(d.reasons()))
                .set(INCIDENT_GRADE.PLAN_ID, d.planId())
                .set(INCIDENT_GRADE.PLAN_VERSION, d.planVersion())
                .set(INCIDENT_GRADE.METRICS, jsonb(d.metrics()))
                .set(INCIDENT_GRADE.METRICS_AT, time(d.metricsAt()))
                .set(INCIDENT_GRADE.EVALUATED_AT, time(d.gradedAt()))
                .set(INCIDENT_GRADE.CATEGORY_CONFIDENCE, d.classification().confidence())
                .set(INCIDENT_GRADE.CATEGORY_WORDS, jsonb(d.classification().decidingWords()));
        if (d.topicId() != null) {
            update = update.set(INCIDENT_GRADE.TOPIC_ID, d.topicId());
        }
        if (changed) {
            update = update.set(INCIDENT_GRADE.GRADED_AT, time(d.gradedAt()));
        }
        if (supersedeOverrideLevel) {
            update = update.setNull(INCIDENT_GRADE.OVERRIDE_LEVEL);
        }
        update.where(INCIDENT_GRADE.INCIDENT_ID.eq(d.incidentId())).execute();
    }

    /**
     * Appends a change of the computed level or category to the history; a second row for the same
     * source event is ignored.
     */
    void appendHistory(GradeDecision d) {
        db.insertInto(GRADE_HISTORY)
                .set(GRADE_HISTORY.INCIDENT_ID, d.incidentId())
                .set(GRADE_HISTORY.SOURCE_EVENT_ID, d.sourceEventId())
                .set(GRADE_HISTORY.LEVEL, d.level().name())
                .set(GRADE_HISTORY.PREVIOUS_LEVEL, d.previousLevel() == null ? null : d.previousLevel().name())
                .set(GRADE_HISTORY.CATEGORY, d.category().name())
                .set(GRADE_HISTORY.ESCALATION, d.escalation())
                .set(GRADE_HISTORY.REASONS, jsonb(d.reasons()))
                .set(GRADE_HISTORY.PLAN_ID, d.planId())
                .set(GRADE_HISTORY.PLAN_VERSION, d.planVersion())
                .set(GRADE_HISTORY.METRICS, jsonb(d.metrics()))
                .set(GRADE_HISTORY.GRADED_AT, time(d.gradedAt()))
                .set(GRADE_HISTORY.SOURCE, "ENGINE")
                .onConflictDoNothing()
                .execute();
    }

    /**
     * Sets (or, with {@code level}, {@code category} and {@code reason} all {@code null}, clears) the
     * analyst's override of a locked grade, and records the decision in the history with source ANALYST.
     *
     * @param effective the grade in force after the decision, as published
     */
    void override(CurrentGrade current, Level level, Category category, String reason, String by, Instant at,
                  EffectiveGrade effective) {
        db.update(INCIDENT_GRADE)
                .set(INCIDENT_GRADE.OVERRIDE_LEVEL, level == null ? null : level.name())
                .set(INCIDENT_GRADE.OVERRIDE_CATEGORY, category == null ? null : category.name())
                .set(INCIDENT_GRADE.OVERRIDE_REASON, reason)
                .set(INCIDENT_GRADE.OVERRIDE_BY, reason == null ? null : by)
                .set(INCIDENT_GRADE.OVERRIDE_AT, reason == null ? null : time(at))
                .where(INCIDENT_GRADE.INCIDENT_ID.eq(current.incidentId()))
                .execute();
        db.insertInto(GRADE_HISTORY)
                .set(GRADE_HISTORY.INCIDENT_ID, current.incidentId())
                .set(GRADE_HISTORY.SOURCE_EVENT_ID, UUID.randomUUID())
                .set(GRADE_HISTORY.LEVEL, effective.level().name())
                .set(GRADE_HISTORY.PREVIOUS_LEVEL, effective.previousLevel().name())
                .set(GRADE_HISTORY.CATEGORY, effective.category().name())
                .set(GRADE_HISTORY.ESCALATION, effective.escalation())
                .set(GRADE_HISTORY.REASONS, jsonb(effective.reasons()))
                .set(GRADE_HISTORY.PLAN_ID, current.planId())
                .set(GRADE_HISTORY.PLAN_VERSION, current.planVersion())
                .set(GRADE_HISTORY.METRICS, jsonb(current.metrics()))
                .set(GRADE_HISTORY.GRADED_AT, time(at))
                .set(GRADE_HISTORY.SOURCE, "ANALYST")
                .set(GRADE_HISTORY.CHANGED_BY, by)
                .execute();
    }

    /** The incident's grade with its history, oldest change first; empty when it was never graded. */
    Optional<IncidentGradeView> view(UUID incidentId) {
        return db.selectFrom(INCIDENT_GRADE).where(INCIDENT_GRADE.INCIDENT_ID.eq(incidentId))
                .fetchOptional()
                .map(r -> view(r, db.selectFrom(GRADE_HISTORY).where(GRADE_HISTORY.INCIDENT_ID.eq(incidentId))
                        .orderBy(GRADE_HISTORY.ID).fetch(this::historyEntry)));
    }

    /**
     * The incidents of the units in {@code units}, by their latest grade change (engine or analyst), newest first.
     *
     * @param units the caller's unit scope
     * @param limit at most this many
     */
    List<RecentGrade> recent(Collection<String> units, int limit) {
        if (units.isEmpty()) {
            return List.of();
        }
        GradeHistory h = GRADE_HISTORY.as("h");
        Field<OffsetDateTime> lastChange = DSL.coalesce(
                DSL.field(DSL.select(DSL.max(h.GRADED_AT)).from(h).where(h.INCIDENT_ID.eq(INCIDENT_GRADE.INCIDENT_ID))),
                INCIDENT_GRADE.GRADED_AT);
        Field<Boolean> escalated = DSL.field(DSL.select(h.ESCALATION).from(h)
                .where(h.INCIDENT_ID.eq(INCIDENT_GRADE.INCIDENT_ID)).orderBy(h.ID.desc()).limit(1));
        return db.select(INCIDENT_GRADE.asterisk(), lastChange.as("last_changed_at"), escalated.as("escalated"))
                .from(INCIDENT_GRADE)
                .where(INCIDENT_GRADE.UNIT_ID.eq(DSL.any(units.toArray(String[]::new))))
                .orderBy(lastChange.desc(), INCIDENT_GRADE.INCIDENT_ID)
                .limit(limit)
                .fetch(r -> {
                    IncidentGradeRecord g = r.into(INCIDENT_GRADE);
                    Level computed = Level.valueOf(g.getLevel());
                    Level level = g.getOverrideLevel() == null ? computed : Level.valueOf(g.getOverrideLevel());
                    Category category = Category.valueOf(g.getOverrideCategory() == null ? g.getCategory()
                            : g.getOverrideCategory());
                    return new RecentGrade(g.getIncidentId(), g.getUnitId(), g.getTitle(), level, level.chineseName(),
                            category, category.chineseName(), computed,
                            g.getOverrideLevel() != null || g.getOverrideCategory() != null,
                            Boolean.TRUE.equals(r.get("escalated", Boolean.class)), g.getPlanId(), g.getPlanVersion(),
                            g.getGradedAt().toInstant(), r.get("last_changed_at", OffsetDateTime.class).toInstant());
                });
    }

    private IncidentGradeView view(IncidentGradeRecord r, List<IncidentGradeView.HistoryEntry> history) {
        Level level = Level.valueOf(r.getLevel());
        Category category = Category.valueOf(r.getCategory());
        List<String> reasons = strings(r.getReasons());
        Level overrideLevel = r.getOverrideLevel() == null ? null : Level.valueOf(r.getOverrideLevel());
        Category overrideCategory = r.getOverrideCategory() == null ? null : Category.valueOf(r.getOverrideCategory());
        IncidentGradeView.Override override = overrideLevel == null && overrideCategory == null ? null
                : new IncidentGradeView.Override(overrideLevel,
                overrideLevel == null ? null : overrideLevel.chineseName(), overrideCategory,
                overrideCategory == null ? null : overrideCategory.chineseName(), r.getOverrideReason(),
                r.getOverrideBy(), r.getOverrideAt() == null ? null : r.getOverrideAt().toInstant());
        Level effectiveLevel = overrideLevel != null ? overrideLevel : level;
        Category effectiveCategory = overrideCategory != null ? overrideCategory : category;
        return new IncidentGradeView(r.getIncidentId(), r.getUnitId(), r.getTitle(), effectiveLevel,
                effectiveLevel.chineseName(), effectiveCategory, effectiveCategory.chineseName(), reasons,
                r.getPlanId(), r.getPlanVersion(), r.getGradedAt().toInstant(), r.getEvaluatedAt().toInstant(),
                json.readValue(r.getMetrics().data(), IncidentMetrics.class),
                new IncidentGradeView.Computed(level, level.chineseName(), category, category.chineseName(),
                        r.getCategoryConfidence(), strings(r.getCategoryWords()), reasons),
                override, history);
    }

    private IncidentGradeView.HistoryEntry historyEntry(GradeHistoryRecord r) {
        Level level = Level.valueOf(r.getLevel());
        return new IncidentGradeView.HistoryEntry(level, level.chineseName(),
                r.getPreviousLevel() == null ? null : Level.valueOf(r.getPreviousLevel()),
                Category.valueOf(r.getCategory()), r.getEscalation(), strings(r.getReasons()), r.getPlanId(),
                r.getPlanVersion(), r.getGradedAt().toInstant(), r.getSource(), r.getChangedBy());
    }

    private List<String> strings(JSONB value) {
        return List.of(json.readValue(value.data(), String[].class));
    }

    private JSONB jsonb(Object value) {
        return JSONB.valueOf(json.writeValueAsString(value));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
