package org.yuqing.casework.cases;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.yuqing.casework.db.tables.records.CaseFileRecord;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Category;
import org.yuqing.domain.Level;
import org.yuqing.domain.ResponseTerms;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.yuqing.casework.db.Tables.CASE_ASSIGNEE;
import static org.yuqing.casework.db.Tables.CASE_FILE;
import static org.yuqing.casework.db.Tables.INCIDENT_HEAT;
import static org.yuqing.casework.db.Tables.TIMELINE_ENTRY;

/** Stores cases and their timelines in schema {@code casework}. */
@Repository
class CaseRepository {

    private final DSLContext db;
    private final JsonMapper json;

    CaseRepository(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Inserts a new case; {@code false} when the incident has one already. */
    boolean insert(CaseFile c) {
        return db.insertInto(CASE_FILE)
                .set(CASE_FILE.ID, c.id())
                .set(CASE_FILE.INCIDENT_ID, c.incidentId())
                .set(CASE_FILE.CREATED_AT, at(c.createdAt()))
                .set(mutable(c))
                .onConflict(CASE_FILE.INCIDENT_ID).doNothing()
                .execute() == 1;
    }

    void update(CaseFile c) {
        db.update(CASE_FILE).set(mutable(c)).where(CASE_FILE.ID.eq(c.id())).execute();
    }

    /** The case, locked for the rest of the transaction. */
    Optional<CaseFile> lock(UUID id) {
        return db.selectFrom(CASE_FILE).where(CASE_FILE.ID.eq(id)).forUpdate().fetchOptional().map(this::toCase);
    }

    /** The case of an incident, locked for the rest of the transaction. */
    Optional<CaseFile> lockByIncident(UUID incidentId) {
        return db.selectFrom(CASE_FILE).where(CASE_FILE.INCIDENT_ID.eq(incidentId)).forUpdate().fetchOptional()
                .map(this::toCase);
    }

    Optional<CaseFile> find(UUID id) {
        return db.selectFrom(CASE_FILE).where(CASE_FILE.ID.eq(id)).fetchOptional().map(this::toCase);
    }

    /** Cases of the given units newest first, optionally of one unit and/or in one state. */
    List<CaseFile> list(String unitId, CaseState state, Collection<String> unitScope, int limit) {
        List<Condition> where = new ArrayList<>();
        where.add(CASE_FILE.UNIT_ID.eq(DSL.any(unitScope.toArray(String[]::new))));
        if (unitId != null) {
            where.add(CASE_FILE.UNIT_ID.eq(unitId));
        }
        if (state != null) {
            where.add(CASE_FILE.STATE.eq(state.name()));
        }
        return db.selectFrom(CASE_FILE).where(DSL.and(where))
                .orderBy(CASE_FILE.OPENED_AT.desc(), CASE_FILE.ID)
                .limit(limit)
                .fetch(this::toCase);
    }

    /** The assignees of a case, by login. */
    List<Assignee> assignees(UUID caseId) {
        return db.select(CASE_ASSIGNEE.LOGIN, CASE_ASSIGNEE.UNIT_ID).from(CASE_ASSIGNEE)
                .where(CASE_ASSIGNEE.CASE_ID.eq(caseId)).orderBy(CASE_ASSIGNEE.LOGIN)
                .fetch(r -> new Assignee(r.value1(), r.value2()));
    }

    /** The assignees of each of the cases, by login; a case without any is absent. */
    Map<UUID, List<Assignee>> assigneesOf(Collection<UUID> caseIds) {
        Map<UUID, List<Assignee>> byCase = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return byCase;
        }
        db.select(CASE_ASSIGNEE.CASE_ID, CASE_ASSIGNEE.LOGIN, CASE_ASSIGNEE.UNIT_ID).from(CASE_ASSIGNEE)
                .where(CASE_ASSIGNEE.CASE_ID.eq(DSL.any(caseIds.toArray(UUID[]::new))))
                .orderBy(CASE_ASSIGNEE.CASE_ID, CASE_ASSIGNEE.LOGIN)
                .forEach(r -> byCase.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new Assignee(r.value2(), r.value3())));
        return byCase;
    }

    /** Replaces the assignees of a case by {@code assignees}. */
    void replaceAssignees(UUID caseId, List<Assignee> assignees, String by, Instant at) {
        db.deleteFrom(CASE_ASSIGNEE).where(CASE_ASSIGNEE.CASE_ID.eq(caseId)).execute();
        for (Assignee a : assignees) {
            db.insertInto(CASE_ASSIGNEE)
                    .set(CASE_ASSIGNEE.CASE_ID, caseId)
                    .set(CASE_ASSIGNEE.LOGIN, a.login())
                    .set(CASE_ASSIGNEE.UNIT_ID, a.unitId())
                    .set(CASE_ASSIGNEE.ASSIGNED_BY, by)
                    .set(CASE_ASSIGNEE.ASSIGNED_AT, at(at))
                    .execute();
        }
    }

    /**
     * The cases not yet closed (REVIEWED) that {@code login} is assigned to, plus, when {@code units} is not empty,
     * those owned by one of {@code units}; only cases of {@code unitScope}. Oldest first.
     */
    List<CaseFile> workOf(String login, Collection<String> units, Collection<String> unitScope) {
        Condition mine = DSL.exists(DSL.selectOne().from(CASE_ASSIGNEE)
                .where(CASE_ASSIGNEE.CASE_ID.eq(CASE_FILE.ID)).and(CASE_ASSIGNEE.LOGIN.eq(login)));
        if (!units.isEmpty()) {
            mine = mine.or(CASE_FILE.UNIT_ID.eq(DSL.any(units.toArray(String[]::new))));
        }
        return db.selectFrom(CASE_FILE)
                .where(CASE_FILE.UNIT_ID.eq(DSL.any(unitScope.toArray(String[]::new))))
                .and(CASE_FILE.STATE.ne(CaseState.REVIEWED.name()))
                .and(mine)
                .orderBy(CASE_FILE.OPENED_AT, CASE_FILE.ID)
                .fetch(this::toCase);
    }

    /** Keeps one measurement of an incident's heat; {@code false} when its event was kept before. */
    boolean recordHeat(UUID eventId, UUID incidentId, HeatPoint p) {
        return db.insertInto(INCIDENT_HEAT)
                .set(INCIDENT_HEAT.EVENT_ID, eventId)
                .set(INCIDENT_HEAT.INCIDENT_ID, incidentId)
                .set(INCIDENT_HEAT.AT, at(p.at()))
                .set(INCIDENT_HEAT.VOLUME, p.volume())
                .set(INCIDENT_HEAT.READS, p.reads())
                .set(INCIDENT_HEAT.COMMENTS, p.comments())
                .set(INCIDENT_HEAT.REPOSTS, p.reposts())
                .set(INCIDENT_HEAT.SITES, p.sites())
                .set(INCIDENT_HEAT.MAINSTREAM, p.mainstream())
                .set(INCIDENT_HEAT.NEGATIVE_SHARE, p.negativeShare())
                .onConflict(INCIDENT_HEAT.EVENT_ID).doNothing()
                .execute() == 1;
    }

    /** The heat series of an incident, oldest first. */
    List<HeatPoint> heat(UUID incidentId) {
        return db.selectFrom(INCIDENT_HEAT).where(INCIDENT_HEAT.INCIDENT_ID.eq(incidentId))
                .orderBy(INCIDENT_HEAT.AT, INCIDENT_HEAT.EVENT_ID)
                .fetch(r -> new HeatPoint(r.getAt().toInstant(), r.getVolume(), r.getReads(), r.getComments(),
                        r.getReposts(), r.getSites(), r.getMainstream(), r.getNegativeShare()));
    }

    /** Stores the text of a post-incident review (总结评估); {@code lessons} may be {@code null}. */
    void saveReview(UUID caseId, String summary, String lessons) {
        db.update(CASE_FILE).set(CASE_FILE.REVIEW_SUMMARY, summary).set(CASE_FILE.REVIEW_LESSONS, lessons)
                .where(CASE_FILE.ID.eq(caseId)).execute();
    }

    /** Whether an upstream event has already left its mark on some timeline. */
    boolean hasApplied(UUID eventId) {
        return db.fetchExists(TIMELINE_ENTRY, TIMELINE_ENTRY.EVENT_ID.eq(eventId));
    }

    /**
     * Appends a timeline entry.
     *
     * @param eventId the upstream event that caused it, or {@code null} for a user's action
     */
    void append(UUID caseId, Instant at, TimelineKind kind, String summary, String actor, Map<String, ?> detail,
                UUID eventId) {
        db.insertInto(TIMELINE_ENTRY)
                .set(TIMELINE_ENTRY.CASE_ID, caseId)
                .set(TIMELINE_ENTRY.AT, at(at))
                .set(TIMELINE_ENTRY.KIND, kind.name())
                .set(TIMELINE_ENTRY.SUMMARY, summary)
                .set(TIMELINE_ENTRY.ACTOR, actor)
                .set(TIMELINE_ENTRY.DETAIL, JSONB.valueOf(json.writeValueAsString(detail)))
                .set(TIMELINE_ENTRY.EVENT_ID, eventId)
                .execute();
    }

    /** The title of a statement of the case, as its release was recorded; empty before its release. */
    Optional<String> statementTitle(UUID caseId, UUID statementId) {
        return db.select(DSL.field("{0} ->> 'title'", String.class, TIMELINE_ENTRY.DETAIL)).from(TIMELINE_ENTRY)
                .where(TIMELINE_ENTRY.CASE_ID.eq(caseId))
                .and(TIMELINE_ENTRY.KIND.eq(TimelineKind.STATEMENT_PUBLISHED.name()))
                .and(DSL.field("{0} ->> 'statementId'", String.class, TIMELINE_ENTRY.DETAIL).eq(statementId.toString()))
                .orderBy(TIMELINE_ENTRY.ID).limit(1)
                .fetchOptional(0, String.class);
    }

    /** The timeline of a case, oldest first. */
    List<TimelineItem> timeline(UUID caseId) {
        return db.selectFrom(TIMELINE_ENTRY).where(TIMELINE_ENTRY.CASE_ID.eq(caseId))
                .orderBy(TIMELINE_ENTRY.AT, TIMELINE_ENTRY.ID)
                .fetch(r -> new TimelineItem(r.getAt().toInstant(), TimelineKind.valueOf(r.getKind()), r.getSummary(),
                        r.getActor(), json.readTree(r.getDetail().data())));
    }

    private Map<Field<?>, Object> mutable(CaseFile c) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(CASE_FILE.UNIT_ID, c.unitId());
        values.put(CASE_FILE.TITLE, c.title());
        values.put(CASE_FILE.LEVEL, c.level().name());
        values.put(CASE_FILE.STATE, c.state().name());
        values.put(CASE_FILE.PLAN_ID, c.planId());
        values.put(CASE_FILE.PLAN_VERSION, c.planVersion());
        values.put(CASE_FILE.TERMS, JSONB.valueOf(json.writeValueAsString(c.terms())));
        values.put(CASE_FILE.OPENED_AT, at(c.openedAt()));
        values.put(CASE_FILE.REPORT_DUE_AT, at(c.reportDueAt()));
        values.put(CASE_FILE.REPORTED_AT, at(c.reportedAt()));
        values.put(CASE_FILE.FIRST_STATEMENT_DUE_AT, at(c.firstStatementDueAt()));
        values.put(CASE_FILE.FIRST_STATEMENT_AT, at(c.firstStatementAt()));
        values.put(CASE_FILE.STATEMENT_APPROVALS, c.statementApprovals().stream().map(Enum::name).toArray(String[]::new));
        values.put(CASE_FILE.SUBSIDED_AT, at(c.subsidedAt()));
        values.put(CASE_FILE.REVIEW_DUE_AT, at(c.reviewDueAt()));
        values.put(CASE_FILE.REVIEWED_AT, at(c.reviewedAt()));
        Followups f = c.followups();
        values.put(CASE_FILE.CATEGORY, f.category().name());
        values.put(CASE_FILE.WRITTEN_REPORT_FROM, at(f.writtenReportFrom()));
        values.put(CASE_FILE.WRITTEN_REPORT_DUE_AT, at(f.writtenReportDueAt()));
        values.put(CASE_FILE.WRITTEN_REPORTED_AT, at(f.writtenReportedAt()));
        values.put(CASE_FILE.INQUIRY_REPLY_DUE_AT, at(f.inquiryReplyDueAt()));
        values.put(CASE_FILE.INQUIRY_REPLIED_AT, at(f.inquiryRepliedAt()));
        values.put(CASE_FILE.PROGRESS_EVERY_SECONDS, f.progressEvery().toSeconds());
        values.put(CASE_FILE.LAST_PROGRESS_AT, at(f.lastProgressAt()));
        values.put(CASE_FILE.PROGRESS_DUE_AT, at(f.progressDueAt()));
        values.put(CASE_FILE.UPDATED_AT, at(c.updatedAt()));
        return values;
    }

    private CaseFile toCase(CaseFileRecord r) {
        return new CaseFile(r.getId(), r.getIncidentId(), r.getUnitId(), r.getTitle(), Level.valueOf(r.getLevel()),
                CaseState.valueOf(r.getState()), r.getPlanId(), r.getPlanVersion(),
                json.readValue(r.getTerms().data(), ResponseTerms.class),
                instant(r.getOpenedAt()), instant(r.getReportDueAt()), instant(r.getReportedAt()),
                instant(r.getFirstStatementDueAt()), instant(r.getFirstStatementAt()),
                Arrays.stream(r.getStatementApprovals()).map(ApprovalStep::valueOf).toList(),
                instant(r.getSubsidedAt()), instant(r.getReviewDueAt()), instant(r.getReviewedAt()),
                new Followups(Category.valueOf(r.getCategory()), instant(r.getWrittenReportFrom()),
                        instant(r.getWrittenReportDueAt()), instant(r.getWrittenReportedAt()),
                        instant(r.getInquiryReplyDueAt()), instant(r.getInquiryRepliedAt()),
                        Duration.ofSeconds(r.getProgressEverySeconds()), instant(r.getLastProgressAt()),
                        instant(r.getProgressDueAt())),
                instant(r.getCreatedAt()), instant(r.getUpdatedAt()));
    }

    private static OffsetDateTime at(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
