package org.yuqing.monitoring.jobs;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.yuqing.monitoring.db.tables.records.BackgroundJobRecord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import static org.yuqing.monitoring.db.Tables.BACKGROUND_JOB;

/** Background jobs and their progress, in {@code monitoring.background_job}. */
@Repository
class JobRepository {

    /** What a job has done so far. */
    record Progress(long total, long processed, long matched, long errors, String message) {
    }

    private final DSLContext db;

    JobRepository(DSLContext db) {
        this.db = db;
    }

    void insert(UUID id, String kind, UUID topicId, String monthFrom, String monthTo, String owner, Instant now) {
        db.insertInto(BACKGROUND_JOB)
                .set(BACKGROUND_JOB.ID, id)
                .set(BACKGROUND_JOB.KIND, kind)
                .set(BACKGROUND_JOB.TOPIC_ID, topicId)
                .set(BACKGROUND_JOB.MONTH_FROM, monthFrom)
                .set(BACKGROUND_JOB.MONTH_TO, monthTo)
                .set(BACKGROUND_JOB.OWNER, owner)
                .set(BACKGROUND_JOB.STATE, "QUEUED")
                .set(BACKGROUND_JOB.CREATED_AT, utc(now))
                .set(BACKGROUND_JOB.UPDATED_AT, utc(now))
                .execute();
    }

    void progress(UUID id, String state, Progress p, Instant now, boolean finished) {
        db.update(BACKGROUND_JOB)
                .set(BACKGROUND_JOB.STATE, state)
                .set(BACKGROUND_JOB.TOTAL, p.total())
                .set(BACKGROUND_JOB.PROCESSED, p.processed())
                .set(BACKGROUND_JOB.MATCHED, p.matched())
                .set(BACKGROUND_JOB.ERRORS, p.errors())
                .set(BACKGROUND_JOB.MESSAGE, p.message() == null || p.message().length() <= 2000 ? p.message()
                        : p.message().substring(0, 2000))
                .set(BACKGROUND_JOB.UPDATED_AT, utc(now))
                .set(BACKGROUND_JOB.FINISHED_AT, finished ? utc(now) : null)
                .where(BACKGROUND_JOB.ID.eq(id))
                .execute();
    }

    Optional<BackgroundJobRecord> record(UUID id) {
        return db.selectFrom(BACKGROUND_JOB).where(BACKGROUND_JOB.ID.eq(id)).fetchOptional();
    }

    Optional<JobStatus> find(UUID id) {
        return record(id).map(JobRepository::status);
    }

    static JobStatus status(BackgroundJobRecord r) {
        return new JobStatus(r.getId(), r.getKind(), r.getTopicId(), r.getMonthFrom(), r.getMonthTo(), r.getState(),
                r.getTotal(), r.getProcessed(), r.getMatched(), r.getErrors(), r.getMessage(), r.getCreatedAt().toInstant(),
                r.getFinishedAt() == null ? null : r.getFinishedAt().toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
