package org.yuqing.casework.escalation;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;
import org.yuqing.casework.clocks.ClockName;
import org.yuqing.domain.Level;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.yuqing.casework.db.Tables.CASE_FILE;
import static org.yuqing.casework.db.Tables.DEADLINE_ALERT;
import static org.yuqing.casework.db.Tables.ESCALATION_RUN;

/** Fired alerts, escalation runs and the clocks they watch, in schema {@code casework}. */
@Repository
class EscalationRepository {

    static final String WARNING = "WARNING";
    static final String MISSED = "MISSED";
    static final String RUNNING = "RUNNING";
    static final String STOPPED = "STOPPED";
    static final String COMPLETED = "COMPLETED";

    private static final Field<OffsetDateTime> NEVER_MET = DSL.inline(null, SQLDataType.TIMESTAMPWITHTIMEZONE);

    private final DSLContext db;

    EscalationRepository(DSLContext db) {
        this.db = db;
    }

    /** A clock of a case as it stands. */
    record WatchedClock(UUID caseId, String unitId, String title, Level level, ClockName name, Instant dueAt,
                        Instant metAt) {
    }

    /** An escalation run as stored. */
    record Run(long id, UUID caseId, ClockName clock, Instant dueAt, int nextStep, Instant nextAt, String state) {

        Run advancedTo(int step, Instant at) {
            return new Run(id, caseId, clock, dueAt, step, at, state);
        }

        Run ended(String endState) {
            return new Run(id, caseId, clock, dueAt, nextStep, nextAt, endState);
        }
    }

    /**
     * Unmet clocks due by {@code horizon} that still owe an alert: a miss when past due at {@code now}, else a
     * warning not yet given.
     */
    List<WatchedClock> owingAlerts(ClockName name, Instant now, Instant horizon) {
        Field<OffsetDateTime> due = dueField(name);
        Condition alerted = alertExists(name, due, MISSED);
        Condition warned = alertExists(name, due, WARNING);
        return db.select(CASE_FILE.ID, CASE_FILE.UNIT_ID, CASE_FILE.TITLE, CASE_FILE.LEVEL, due, metField(name))
                .from(CASE_FILE)
                .where(metField(name).isNull())
                .and(due.le(at(horizon)))
                .and(DSL.not(alerted))
                .and(due.lt(at(now)).or(DSL.not(warned)))
                .orderBy(due)
                .fetch(r -> new WatchedClock(r.value1(), r.value2(), r.value3(), Level.valueOf(r.value4()), name,
                        r.value5().toInstant(), null));
    }

    /** The clock of a case, with the case row locked for the rest of the transaction. */
    Optional<WatchedClock> lockClock(UUID caseId, ClockName name) {
        return db.select(CASE_FILE.ID, CASE_FILE.UNIT_ID, CASE_FILE.TITLE, CASE_FILE.LEVEL, dueField(name),
                        metField(name))
                .from(CASE_FILE).where(CASE_FILE.ID.eq(caseId)).forUpdate()
                .fetchOptional(r -> new WatchedClock(r.value1(), r.value2(), r.value3(), Level.valueOf(r.value4()),
                        name, r.value5() == null ? null : r.value5().toInstant(),
                        r.value6() == null ? null : r.value6().toInstant()));
    }

    /** Records an alert unless it was fired before (by any replica, at any time); {@code true} if recorded now. */
    boolean recordAlert(UUID caseId, ClockName name, Instant dueAt, String kind, Instant firedAt) {
        return db.insertInto(DEADLINE_ALERT)
                .set(DEADLINE_ALERT.CASE_ID, caseId)
                .set(DEADLINE_ALERT.CLOCK, name.name())
                .set(DEADLINE_ALERT.DUE_AT, at(dueAt))
                .set(DEADLINE_ALERT.KIND, kind)
                .set(DEADLINE_ALERT.FIRED_AT, at(firedAt))
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** Starts a run at step 0, due at the deadline itself. */
    Run startRun(UUID caseId, ClockName name, Instant dueAt, Instant now) {
        long id = db.insertInto(ESCALATION_RUN)
                .set(ESCALATION_RUN.CASE_ID, caseId)
                .set(ESCALATION_RUN.CLOCK, name.name())
                .set(ESCALATION_RUN.DUE_AT, at(dueAt))
                .set(ESCALATION_RUN.NEXT_STEP, 0)
                .set(ESCALATION_RUN.NEXT_AT, at(dueAt))
                .set(ESCALATION_RUN.STATE, RUNNING)
                .set(ESCALATION_RUN.STARTED_AT, at(now))
                .returningResult(ESCALATION_RUN.ID)
                .fetchOne(ESCALATION_RUN.ID);
        return new Run(id, caseId, name, dueAt, 0, dueAt, RUNNING);
    }

    /**
     * Running runs with something to do at {@code now}: a step due, or a clock met or restarted since (which
     * ends them).
     */
    List<Long> runsToAdvance(Instant now) {
        // A clock that was met, restarted (a new due instant) or cleared (null: a review or reply no longer owed,
        // a progress clock of a case no longer handled) ends its run; distinct-from catches the null too.
        List<Condition> changed = new java.util.ArrayList<>();
        for (ClockName name : ClockName.values()) {
            changed.add(ESCALATION_RUN.CLOCK.eq(name.name())
                    .and(metField(name).isNotNull().or(dueField(name).isDistinctFrom(ESCALATION_RUN.DUE_AT))));
        }
        return db.select(ESCALATION_RUN.ID).from(ESCALATION_RUN)
                .join(CASE_FILE).on(CASE_FILE.ID.eq(ESCALATION_RUN.CASE_ID))
                .where(ESCALATION_RUN.STATE.eq(RUNNING))
                .and(ESCALATION_RUN.NEXT_AT.le(at(now)).or(DSL.or(changed)))
                .orderBy(ESCALATION_RUN.NEXT_AT)
                .fetch(ESCALATION_RUN.ID);
    }

    /** A running run, locked; empty when it ended or another replica holds it. */
    Optional<Run> lockRunning(long id) {
        return db.selectFrom(ESCALATION_RUN)
                .where(ESCALATION_RUN.ID.eq(id)).and(ESCALATION_RUN.STATE.eq(RUNNING))
                .forUpdate().skipLocked()
                .fetchOptional(r -> new Run(r.getId(), r.getCaseId(), ClockName.valueOf(r.getClock()),
                        r.getDueAt().toInstant(), r.getNextStep(), r.getNextAt().toInstant(), r.getState()));
    }

    void save(Run run, Instant now) {
        db.update(ESCALATION_RUN)
                .set(ESCALATION_RUN.NEXT_STEP, run.nextStep())
                .set(ESCALATION_RUN.NEXT_AT, at(run.nextAt()))
                .set(ESCALATION_RUN.STATE, run.state())
                .set(ESCALATION_RUN.ENDED_AT, RUNNING.equals(run.state()) ? null : at(now))
                .where(ESCALATION_RUN.ID.eq(run.id()))
                .execute();
    }

    /** The runs of a case, oldest first. */
    List<Run> runsOf(UUID caseId) {
        return db.selectFrom(ESCALATION_RUN).where(ESCALATION_RUN.CASE_ID.eq(caseId)).orderBy(ESCALATION_RUN.ID)
                .fetch(r -> new Run(r.getId(), r.getCaseId(), ClockName.valueOf(r.getClock()),
                        r.getDueAt().toInstant(), r.getNextStep(), r.getNextAt().toInstant(), r.getState()));
    }

    /** Misses of a clock recorded for a unit's cases. */
    int missesOf(String unitId, ClockName name) {
        return db.fetchCount(DEADLINE_ALERT.join(CASE_FILE).on(CASE_FILE.ID.eq(DEADLINE_ALERT.CASE_ID)),
                CASE_FILE.UNIT_ID.eq(unitId), DEADLINE_ALERT.CLOCK.eq(name.name()), DEADLINE_ALERT.KIND.eq(MISSED));
    }

    /** A unit's cases whose first report came after its deadline (迟报). */
    int lateReportsOf(String unitId) {
        return db.fetchCount(CASE_FILE, CASE_FILE.UNIT_ID.eq(unitId), CASE_FILE.REPORTED_AT.gt(CASE_FILE.REPORT_DUE_AT));
    }

    private static Condition alertExists(ClockName name, Field<OffsetDateTime> due, String kind) {
        return DSL.exists(DSL.selectOne().from(DEADLINE_ALERT)
                .where(DEADLINE_ALERT.CASE_ID.eq(CASE_FILE.ID))
                .and(DEADLINE_ALERT.CLOCK.eq(name.name()))
                .and(DEADLINE_ALERT.DUE_AT.eq(due))
                .and(DEADLINE_ALERT.KIND.eq(kind)));
    }

    private static Field<OffsetDateTime> dueField(ClockName name) {
        return switch (name) {
            case REPORT -> CASE_FILE.REPORT_DUE_AT;
            case FIRST_STATEMENT -> CASE_FILE.FIRST_STATEMENT_DUE_AT;
            case REVIEW -> CASE_FILE.REVIEW_DUE_AT;
            case WRITTEN_REPORT -> CASE_FILE.WRITTEN_REPORT_DUE_AT;
            case INQUIRY_REPLY -> CASE_FILE.INQUIRY_REPLY_DUE_AT;
            case PROGRESS_UPDATE -> CASE_FILE.PROGRESS_DUE_AT;
        };
    }

    private static Field<OffsetDateTime> metField(ClockName name) {
        return switch (name) {
            case REPORT -> CASE_FILE.REPORTED_AT;
            case FIRST_STATEMENT -> CASE_FILE.FIRST_STATEMENT_AT;
            case REVIEW -> CASE_FILE.REVIEWED_AT;
            case WRITTEN_REPORT -> CASE_FILE.WRITTEN_REPORTED_AT;
            case INQUIRY_REPLY -> CASE_FILE.INQUIRY_REPLIED_AT;
            // A progress clock is never met: each update moves it to a new due instant.
            case PROGRESS_UPDATE -> NEVER_MET;
        };
    }

    private static OffsetDateTime at(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
