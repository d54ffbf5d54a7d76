package org.yuqing.casework.tasks;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.yuqing.casework.db.tables.records.CaseTaskRecord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.yuqing.casework.db.Tables.CASE_TASK;

/** Stores tasks in schema {@code casework}. */
@Repository
class TaskRepository {

    private final DSLContext db;

    TaskRepository(DSLContext db) {
        this.db = db;
    }

    void insert(Task t) {
        db.insertInto(CASE_TASK)
                .set(CASE_TASK.ID, t.id())
                .set(CASE_TASK.CASE_ID, t.caseId())
                .set(CASE_TASK.UNIT_ID, t.unitId())
                .set(CASE_TASK.TITLE, t.title())
                .set(CASE_TASK.DUE_AT, at(t.dueAt()))
                .set(CASE_TASK.CREATED_BY, t.createdBy())
                .set(CASE_TASK.CREATED_AT, at(t.createdAt()))
                .execute();
    }

    /** The task of a case, locked for the rest of the transaction. */
    Optional<Task> lock(UUID caseId, UUID taskId) {
        return db.selectFrom(CASE_TASK).where(CASE_TASK.ID.eq(taskId)).and(CASE_TASK.CASE_ID.eq(caseId)).forUpdate()
                .fetchOptional(TaskRepository::task);
    }

    void complete(UUID taskId, String by, Instant at) {
        db.update(CASE_TASK).set(CASE_TASK.COMPLETED_BY, by).set(CASE_TASK.COMPLETED_AT, at(at))
                .where(CASE_TASK.ID.eq(taskId)).execute();
    }

    /** The tasks of a case in the order they were given. */
    List<Task> ofCase(UUID caseId) {
        return db.selectFrom(CASE_TASK).where(CASE_TASK.CASE_ID.eq(caseId))
                .orderBy(CASE_TASK.CREATED_AT, CASE_TASK.ID).fetch(TaskRepository::task);
    }

    /** The open tasks of the cases, soonest due first. */
    List<Task> openOfCases(java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return db.selectFrom(CASE_TASK).where(CASE_TASK.CASE_ID.eq(org.jooq.impl.DSL.any(caseIds.toArray(UUID[]::new))))
                .and(CASE_TASK.COMPLETED_AT.isNull())
                .orderBy(CASE_TASK.DUE_AT, CASE_TASK.ID).fetch(TaskRepository::task);
    }

    int openOf(UUID caseId) {
        return db.fetchCount(CASE_TASK, CASE_TASK.CASE_ID.eq(caseId), CASE_TASK.COMPLETED_AT.isNull());
    }

    private static Task task(CaseTaskRecord r) {
        return new Task(r.getId(), r.getCaseId(), r.getUnitId(), r.getTitle(), r.getDueAt().toInstant(),
                r.getCreatedBy(), r.getCreatedAt().toInstant(), r.getCompletedBy(),
                r.getCompletedAt() == null ? null : r.getCompletedAt().toInstant());
    }

    private static OffsetDateTime at(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
