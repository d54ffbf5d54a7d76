package org.yuqing.casework.documents;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.yuqing.casework.cases.CaseOverview;
import org.yuqing.casework.cases.CaseRecords;
import org.yuqing.casework.cases.CaseState;
import org.yuqing.casework.cases.CaseworkProperties;
import org.yuqing.casework.db.tables.records.CaseFileRecord;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Category;
import org.yuqing.domain.Level;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.yuqing.casework.db.Tables.CASE_FILE;
import static org.yuqing.casework.db.Tables.CASE_TASK;
import static org.yuqing.casework.db.Tables.TIMELINE_ENTRY;

/**
 * Reads a case's record for its documents from schema {@code casework} (read only: the documents are a view of
 * what the case feature recorded). The deadline clocks and monitoring's heat series come from the case feature's
 * read API ({@link CaseRecords}), so the documents show the clocks exactly as the case does.
 */
@Repository
class DossierRepository {

    private final DSLContext db;
    private final JsonMapper json;
    private final CaseworkProperties casework;
    private final CaseRecords cases;

    DossierRepository(DSLContext db, JsonMapper json, CaseworkProperties casework, CaseRecords cases) {
        this.cases = cases;
        this.db = db;
        this.json = json;
        this.casework = casework;
    }

    /** The case's dossier, or empty when there is no such case. Call inside a (read-only) transaction. */
    Optional<CaseDossier> find(UUID caseId) {
        return db.selectFrom(CASE_FILE).where(CASE_FILE.ID.eq(caseId)).fetchOptional().map(this::dossier);
    }

    private CaseDossier dossier(CaseFileRecord r) {
        List<CaseDossier.Entry> timeline = db.selectFrom(TIMELINE_ENTRY).where(TIMELINE_ENTRY.CASE_ID.eq(r.getId()))
                .orderBy(TIMELINE_ENTRY.AT, TIMELINE_ENTRY.ID)
                .fetch(t -> new CaseDossier.Entry(t.getAt().toInstant(), t.getKind(), t.getSummary(), t.getActor(),
                        json.readTree(t.getDetail().data())));
        List<CaseDossier.Task> tasks = db.selectFrom(CASE_TASK).where(CASE_TASK.CASE_ID.eq(r.getId()))
                .orderBy(CASE_TASK.CREATED_AT, CASE_TASK.ID)
                .fetch(t -> new CaseDossier.Task(t.getUnitId(), t.getTitle(), instant(t.getDueAt()), t.getCreatedBy(),
                        instant(t.getCreatedAt()), t.getCompletedBy(), instant(t.getCompletedAt())));
        String stateName = Arrays.stream(CaseState.values()).filter(s -> s.name().equals(r.getState()))
                .map(CaseState::chineseName).findFirst().orElse(r.getState());
        return new CaseDossier(r.getId(), r.getIncidentId(), r.getUnitId(), r.getTitle(), Level.valueOf(r.getLevel()),
                r.getState(), stateName, category(r.getCategory()), r.getPlanId(), r.getPlanVersion(),
                casework.planName(r.getPlanId()), instant(r.getOpenedAt()), instant(r.getReportDueAt()),
                instant(r.getReportedAt()), instant(r.getFirstStatementDueAt()), instant(r.getFirstStatementAt()),
                Arrays.stream(r.getStatementApprovals()).map(ApprovalStep::valueOf).toList(),
                instant(r.getSubsidedAt()), instant(r.getReviewDueAt()), instant(r.getReviewedAt()),
                r.getReviewSummary(), r.getReviewLessons(),
                cases.find(r.getId()).map(CaseOverview::clocks).orElse(List.of()), timeline, tasks,
                cases.heatOfIncident(r.getIncidentId()));
    }

    private static Category category(String name) {
        return Arrays.stream(Category.values()).filter(c -> c.name().equals(name)).findFirst()
                .orElse(Category.UNCLASSIFIED);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
