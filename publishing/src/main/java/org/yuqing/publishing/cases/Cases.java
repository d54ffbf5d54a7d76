package org.yuqing.publishing.cases;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Level;
import org.yuqing.domain.events.CaseEscalated;
import org.yuqing.domain.events.CaseOpened;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import static org.yuqing.publishing.db.Tables.CASE_REF;

/**
 * The cases known to publishing ({@code case_ref}).
 */
@Repository
public class Cases {

    private final DSLContext db;

    Cases(DSLContext db) {
        this.db = db;
    }

    /** The case, or empty when casework's CaseOpened has not arrived (yet). */
    public Optional<CaseRef> find(UUID caseId) {
        return db.selectFrom(CASE_REF).where(CASE_REF.CASE_ID.eq(caseId)).fetchOptional().map(Cases::toCase);
    }

    /** Records an opened case; applying the same event again changes nothing. */
    void record(CaseOpened opened) {
        String[] approvals = opened.statementApprovals().stream().map(ApprovalStep::name).toArray(String[]::new);
        OffsetDateTime openedAt = OffsetDateTime.ofInstant(opened.occurredAt(), ZoneOffset.UTC);
        db.insertInto(CASE_REF)
                .set(CASE_REF.CASE_ID, opened.caseId())
                .set(CASE_REF.INCIDENT_ID, opened.incidentId())
                .set(CASE_REF.UNIT_ID, opened.unitId())
                .set(CASE_REF.TITLE, opened.title())
                .set(CASE_REF.LEVEL, opened.level().name())
                .set(CASE_REF.STATEMENT_APPROVALS, approvals)
                .set(CASE_REF.OPENED_AT, openedAt)
                .onConflict(CASE_REF.CASE_ID)
                .doUpdate()
                .set(CASE_REF.INCIDENT_ID, opened.incidentId())
                .set(CASE_REF.UNIT_ID, opened.unitId())
                .set(CASE_REF.TITLE, opened.title())
                .set(CASE_REF.LEVEL, opened.level().name())
                .set(CASE_REF.STATEMENT_APPROVALS, approvals)
                .set(CASE_REF.OPENED_AT, openedAt)
                .execute();
    }

    /**
     * Records the level and approvals an escalated case requires from now on; returns whether the
     * case is known (an escalation of an unknown case has nothing to change).
     */
    boolean escalate(CaseEscalated escalated) {
        String[] approvals = escalated.statementApprovals().stream().map(ApprovalStep::name).toArray(String[]::new);
        return db.update(CASE_REF)
                .set(CASE_REF.UNIT_ID, escalated.unitId())
                .set(CASE_REF.LEVEL, escalated.level().name())
                .set(CASE_REF.STATEMENT_APPROVALS, approvals)
                .where(CASE_REF.CASE_ID.eq(escalated.caseId()))
                .execute() > 0;
    }

    private static CaseRef toCase(Record r) {
        return new CaseRef(r.get(CASE_REF.CASE_ID), r.get(CASE_REF.INCIDENT_ID), r.get(CASE_REF.UNIT_ID),
                r.get(CASE_REF.TITLE), Level.valueOf(r.get(CASE_REF.LEVEL)),
                Arrays.stream(r.get(CASE_REF.STATEMENT_APPROVALS)).map(ApprovalStep::valueOf).toList(),
                r.get(CASE_REF.OPENED_AT).toInstant());
    }
}
