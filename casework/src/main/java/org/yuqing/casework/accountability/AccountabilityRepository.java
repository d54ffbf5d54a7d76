package org.yuqing.casework.accountability;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.yuqing.domain.Level;
import org.yuqing.domain.ResponseTerms;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static org.yuqing.casework.db.Tables.CASE_FILE;
import static org.yuqing.casework.db.Tables.TIMELINE_ENTRY;

/** Reads the cases of a period and their reports and escalations from the case tables, filtered in the query. */
@Repository
class AccountabilityRepository {

    private static final Field<String> LEVEL = DSL.field("{0} ->> 'level'", String.class, TIMELINE_ENTRY.DETAIL);
    private static final Field<String> STATED_LEVEL = DSL.field("{0} ->> 'statedLevel'", String.class,
            TIMELINE_ENTRY.DETAIL);

    private final DSLContext db;
    private final JsonMapper json;

    AccountabilityRepository(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A case of the period with its report clock and current terms. */
    record CaseRow(UUID id, String unitId, Level level, Instant openedAt, Instant reportDueAt, Instant reportedAt,
                   ResponseTerms terms) {
    }

    /** A report ({@code REPORTED}) or a rise ({@code ESCALATED}) on a case's timeline. */
    record Mark(UUID caseId, String kind, Instant at, String level, String statedLevel) {
    }

    /** Cases of the units in {@code scope} (and of {@code unit} if given) opened in [from, to), by unit and opening. */
    List<CaseRow> cases(Collection<String> scope, String unit, Instant from, Instant to) {
        Condition where = CASE_FILE.UNIT_ID.eq(DSL.any(scope.toArray(String[]::new)))
                .and(CASE_FILE.OPENED_AT.ge(at(from))).and(CASE_FILE.OPENED_AT.lt(at(to)));
        if (unit != null) {
            where = where.and(CASE_FILE.UNIT_ID.eq(unit));
        }
        return db.select(CASE_FILE.ID, CASE_FILE.UNIT_ID, CASE_FILE.LEVEL, CASE_FILE.OPENED_AT, CASE_FILE.REPORT_DUE_AT,
                        CASE_FILE.REPORTED_AT, CASE_FILE.TERMS)
                .from(CASE_FILE).where(where)
                .orderBy(CASE_FILE.UNIT_ID, CASE_FILE.OPENED_AT, CASE_FILE.ID)
                .fetch(r -> new CaseRow(r.value1(), r.value2(), Level.valueOf(r.value3()), r.value4().toInstant(),
                        r.value5().toInstant(), r.value6() == null ? null : r.value6().toInstant(),
                        json.readValue(r.value7().data(), ResponseTerms.class)));
    }

    /** The reports and rises of the given cases. */
    List<Mark> marks(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return db.select(TIMELINE_ENTRY.CASE_ID, TIMELINE_ENTRY.KIND, TIMELINE_ENTRY.AT, LEVEL, STATED_LEVEL)
                .from(TIMELINE_ENTRY)
                .where(TIMELINE_ENTRY.CASE_ID.eq(DSL.any(caseIds.toArray(UUID[]::new))))
                .and(TIMELINE_ENTRY.KIND.in("REPORTED", "ESCALATED"))
                .orderBy(TIMELINE_ENTRY.CASE_ID, TIMELINE_ENTRY.AT, TIMELINE_ENTRY.ID)
                .fetch(r -> new Mark(r.value1(), r.value2(), r.value3().toInstant(), r.value4(), r.value5()));
    }

    private static OffsetDateTime at(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
