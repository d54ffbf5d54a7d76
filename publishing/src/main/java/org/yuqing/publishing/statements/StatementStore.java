package org.yuqing.publishing.statements;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.publishing.channels.Delivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.yuqing.publishing.db.Tables.APPROVAL;
import static org.yuqing.publishing.db.Tables.CASE_REF;
import static org.yuqing.publishing.db.Tables.RELEASE;
import static org.yuqing.publishing.db.Tables.RELEASE_ATTEMPT;
import static org.yuqing.publishing.db.Tables.RELEASE_PROGRESS;
import static org.yuqing.publishing.db.Tables.STATEMENT;
import static org.yuqing.publishing.db.Tables.STATEMENT_VERSION;

/**
 * Statements, their approvals, releases and release attempts in PostgreSQL.
 */
@Repository
class StatementStore {

    /** Outcomes recorded on {@code release_attempt}. */
    enum AttemptOutcome { PUBLISHED, REFUSED }

    private final DSLContext db;

    StatementStore(DSLContext db) {
        this.db = db;
    }

    void insert(StatementRow s) {
        db.insertInto(STATEMENT)
                .set(STATEMENT.ID, s.id())
                .set(STATEMENT.CASE_ID, s.caseId())
                .set(STATEMENT.KIND, s.kind().name())
                .set(STATEMENT.TITLE, s.title())
                .set(STATEMENT.BODY, s.body())
                .set(STATEMENT.STATE, s.state().name())
                .set(STATEMENT.CONTENT_HASH, s.contentHash())
                .set(STATEMENT.CREATED_BY, s.createdBy())
                .set(STATEMENT.CREATED_AT, utc(s.createdAt()))
                .set(STATEMENT.UPDATED_AT, utc(s.updatedAt()))
                .set(STATEMENT.CORRECTS, s.corrects())
                .set(STATEMENT.CORRECTION_REASON, s.correctionReason())
                .execute();
    }

    Optional<StatementRow> find(UUID id) {
        return db.selectFrom(STATEMENT).where(STATEMENT.ID.eq(id)).fetchOptional().map(StatementStore::statement);
    }

    /** The statement, its row locked until the transaction ends, so decisions on it are serialised. */
    Optional<StatementRow> lock(UUID id) {
        return db.selectFrom(STATEMENT).where(STATEMENT.ID.eq(id)).forUpdate().fetchOptional()
                .map(StatementStore::statement);
    }

    List<StatementRow> byCase(UUID caseId) {
        return db.selectFrom(STATEMENT).where(STATEMENT.CASE_ID.eq(caseId))
                .orderBy(STATEMENT.CREATED_AT.desc(), STATEMENT.ID)
                .fetch(StatementStore::statement);
    }

    /** The newest statements of cases owned by one of the units, filtered in the query. */
    List<StatementRow> newest(int limit, Collection<String> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return db.select(STATEMENT.fields()).from(STATEMENT)
                .join(CASE_REF).on(CASE_REF.CASE_ID.eq(STATEMENT.CASE_ID))
                .where(CASE_REF.UNIT_ID.eq(DSL.any(unitIds.toArray(String[]::new))))
                .orderBy(STATEMENT.CREATED_AT.desc(), STATEMENT.ID).limit(limit)
                .fetch(StatementStore::statement);
    }

    /** Published statements with a delivered release on the channel, newest release first. */
    List<StatementRow> deliveredTo(String channel, int limit) {
        return db.selectFrom(STATEMENT).where(deliveredOn(channel))
                .orderBy(STATEMENT.PUBLISHED_AT.desc(), STATEMENT.ID).limit(limit)
                .fetch(StatementStore::statement);
    }

    Optional<StatementRow> deliveredTo(String channel, UUID id) {
        return db.selectFrom(STATEMENT).where(STATEMENT.ID.eq(id)).and(deliveredOn(channel)).fetchOptional()
                .map(StatementStore::statement);
    }

    void updateText(UUID id, StatementText text, String contentHash, StatementState state, Instant at) {
        db.update(STATEMENT)
                .set(STATEMENT.TITLE, text.title())
                .set(STATEMENT.BODY, text.body())
                .set(STATEMENT.CONTENT_HASH, contentHash)
                .set(STATEMENT.STATE, state.name())
                .set(STATEMENT.UPDATED_AT, utc(at))
                .where(STATEMENT.ID.eq(id))
                .execute();
    }

    void updateState(UUID id, StatementState state, Instant at) {
        db.update(STATEMENT)
                .set(STATEMENT.STATE, state.name())
                .set(STATEMENT.UPDATED_AT, utc(at))
                .where(STATEMENT.ID.eq(id))
                .execute();
    }

    /** Marks the statement published; whatever was scheduled for it is done. */
    void markPublished(UUID id, Instant at, String publicUrl) {
        db.update(STATEMENT)
                .set(STATEMENT.STATE, StatementState.PUBLISHED.name())
                .set(STATEMENT.PUBLISHED_AT, utc(at))
                .set(STATEMENT.PUBLIC_URL, publicUrl)
                .set(STATEMENT.UPDATED_AT, utc(at))
                .setNull(STATEMENT.SCHEDULED_AT)
                .setNull(STATEMENT.SCHEDULE_REFUSAL)
                .where(STATEMENT.ID.eq(id))
                .execute();
    }

    /** Schedules the release (replacing an earlier schedule) and forgets an earlier refusal. */
    void schedule(UUID id, Instant at, String by, Instant now) {
        db.update(STATEMENT)
                .set(STATEMENT.SCHEDULED_AT, utc(at))
                .set(STATEMENT.SCHEDULED_BY, by)
                .setNull(STATEMENT.SCHEDULE_REFUSAL)
                .set(STATEMENT.UPDATED_AT, utc(now))
                .where(STATEMENT.ID.eq(id))
                .execute();
    }

    /**
     * Drops the schedule.
     *
     * @param refusal why the scheduled release was refused, {@code null} for a cancellation
     */
    void unschedule(UUID id, String refusal, Instant now) {
        db.update(STATEMENT)
                .setNull(STATEMENT.SCHEDULED_AT)
                .set(STATEMENT.SCHEDULE_REFUSAL, refusal)
                .set(STATEMENT.UPDATED_AT, utc(now))
                .where(STATEMENT.ID.eq(id))
                .execute();
    }

    /** The statements whose scheduled release is due by {@code now}, earliest first, at most {@code limit}. */
    List<UUID> scheduledDue(Instant now, int limit) {
        return db.select(STATEMENT.ID).from(STATEMENT)
                .where(STATEMENT.SCHEDULED_AT.le(utc(now)))
                .and(STATEMENT.STATE.ne(StatementState.PUBLISHED.name()))
                .orderBy(STATEMENT.SCHEDULED_AT, STATEMENT.ID).limit(limit)
                .fetch(STATEMENT.ID);
    }

    /** Records that the published statement was retracted or corrected. */
    void markWithdrawn(UUID id, String kind, String reason, String by, Instant at, UUID notice) {
        db.update(STATEMENT)
                .set(STATEMENT.WITHDRAWN_KIND, kind)
                .set(STATEMENT.WITHDRAWN_REASON, reason)
                .set(STATEMENT.WITHDRAWN_BY, by)
                .set(STATEMENT.WITHDRAWN_AT, utc(at))
                .set(STATEMENT.WITHDRAWN_NOTICE, notice)
                .set(STATEMENT.UPDATED_AT, utc(at))
                .where(STATEMENT.ID.eq(id))
                .execute();
    }

    /** The correction notices drafted for the statement, oldest first. */
    List<StatementRow> corrections(UUID correctedId) {
        return db.selectFrom(STATEMENT).where(STATEMENT.CORRECTS.eq(correctedId))
                .orderBy(STATEMENT.CREATED_AT, STATEMENT.ID)
                .fetch(StatementStore::statement);
    }

    /** The latest version number of the statement's text (0 when none is recorded). */
    int latestVersion(UUID statementId) {
        Integer last = db.select(DSL.max(STATEMENT_VERSION.VERSION)).from(STATEMENT_VERSION)
                .where(STATEMENT_VERSION.STATEMENT_ID.eq(statementId)).fetchOne(0, Integer.class);
        return last == null ? 0 : last;
    }

    /** How far the multi-step delivery on the channel got, empty before its first step. */
    Optional<String> progress(UUID statementId, String channel) {
        return db.select(RELEASE_PROGRESS.PROGRESS).from(RELEASE_PROGRESS)
                .where(RELEASE_PROGRESS.STATEMENT_ID.eq(statementId)).and(RELEASE_PROGRESS.CHANNEL.eq(channel))
                .fetchOptional(RELEASE_PROGRESS.PROGRESS);
    }

    void saveProgress(UUID statementId, String channel, String progress, Instant at) {
        db.insertInto(RELEASE_PROGRESS)
                .set(RELEASE_PROGRESS.STATEMENT_ID, statementId)
                .set(RELEASE_PROGRESS.CHANNEL, channel)
                .set(RELEASE_PROGRESS.PROGRESS, progress)
                .set(RELEASE_PROGRESS.UPDATED_AT, utc(at))
                .onConflict(RELEASE_PROGRESS.STATEMENT_ID, RELEASE_PROGRESS.CHANNEL)
                .doUpdate()
                .set(RELEASE_PROGRESS.PROGRESS, progress)
                .set(RELEASE_PROGRESS.UPDATED_AT, utc(at))
                .execute();
    }

    /** Records the next version of the statement's text (1 for a draft); the statement row must be locked. */
    int insertVersion(UUID statementId, StatementText text, String contentHash, String editedBy, Instant at) {
        Integer last = db.select(DSL.max(STATEMENT_VERSION.VERSION)).from(STATEMENT_VERSION)
                .where(STATEMENT_VERSION.STATEMENT_ID.eq(statementId)).fetchOne(0, Integer.class);
        int version = last == null ? 1 : last + 1;
        db.insertInto(STATEMENT_VERSION)
                .set(STATEMENT_VERSION.STATEMENT_ID, statementId)
                .set(STATEMENT_VERSION.VERSION, version)
                .set(STATEMENT_VERSION.TITLE, text.title())
                .set(STATEMENT_VERSION.BODY, text.body())
                .set(STATEMENT_VERSION.CONTENT_HASH, contentHash)
                .set(STATEMENT_VERSION.EDITED_BY, editedBy)
                .set(STATEMENT_VERSION.EDITED_AT, utc(at))
                .execute();
        return version;
    }

    /** Every version of the statement's text, oldest first. */
    List<VersionRow> versions(UUID statementId) {
        return db.selectFrom(STATEMENT_VERSION).where(STATEMENT_VERSION.STATEMENT_ID.eq(statementId))
                .orderBy(STATEMENT_VERSION.VERSION)
                .fetch(r -> new VersionRow(r.getStatementId(), r.getVersion(), r.getTitle(), r.getBody(),
                        r.getContentHash(), r.getEditedBy(), r.getEditedAt().toInstant()));
    }

    /** Every decision on the statement, oldest first. */
    List<ApprovalRow> approvals(UUID statementId) {
        return db.selectFrom(APPROVAL).where(APPROVAL.STATEMENT_ID.eq(statementId)).orderBy(APPROVAL.ID)
                .fetch(r -> new ApprovalRow(r.getId(), ApprovalStep.valueOf(r.getStep()),
                        Decision.valueOf(r.getDecision()), r.getApprover(), r.getComment(), r.getContentHash(),
                        r.getAt().toInstant()));
    }

    /** Records a decision and returns it as stored. */
    ApprovalRow insertApproval(UUID statementId, ApprovalStep step, Decision decision, String approver,
                               String comment, String contentHash, Instant at) {
        long id = db.insertInto(APPROVAL)
                .set(APPROVAL.STATEMENT_ID, statementId)
                .set(APPROVAL.STEP, step.name())
                .set(APPROVAL.DECISION, decision.name())
                .set(APPROVAL.APPROVER, approver)
                .set(APPROVAL.COMMENT, comment)
                .set(APPROVAL.CONTENT_HASH, contentHash)
                .set(APPROVAL.AT, utc(at))
                .returning(APPROVAL.ID)
                .fetchSingle()
                .getId();
        return new ApprovalRow(id, step, decision, approver, comment, contentHash, at);
    }

    List<ReleaseRow> releases(UUID statementId) {
        return db.selectFrom(RELEASE).where(RELEASE.STATEMENT_ID.eq(statementId)).orderBy(RELEASE.ID)
                .fetch(StatementStore::release);
    }

    /** The statement's release on the channel, its row locked until the transaction ends. */
    Optional<ReleaseRow> lockRelease(UUID statementId, String channel) {
        return db.selectFrom(RELEASE).where(RELEASE.STATEMENT_ID.eq(statementId)).and(RELEASE.CHANNEL.eq(channel))
                .forUpdate().fetchOptional(StatementStore::release);
    }

    /**
     * Records the outcome of one more attempt on an existing release.
     *
     * @param nextAttemptAt when the worker tries it again, {@code null} for none
     */
    void updateRelease(UUID statementId, Delivery delivery, Instant at, Instant nextAttemptAt) {
        db.update(RELEASE)
                .set(RELEASE.AT, utc(at))
                .set(RELEASE.URL, delivery.url())
                .set(RELEASE.STATUS, delivery.status().name())
                .set(RELEASE.ERROR, delivery.error())
                .set(RELEASE.ATTEMPTS, RELEASE.ATTEMPTS.plus(1))
                .set(RELEASE.NEXT_ATTEMPT_AT, utc(nextAttemptAt))
                .where(RELEASE.STATEMENT_ID.eq(statementId)).and(RELEASE.CHANNEL.eq(delivery.channel()))
                .execute();
    }

    /**
     * Records a release made by hand as DELIVERED at the proof URL: one more attempt, no error, nothing scheduled.
     */
    void markDeliveredByHand(UUID statementId, String channel, String proofUrl, Instant at) {
        db.update(RELEASE)
                .set(RELEASE.AT, utc(at))
                .set(RELEASE.URL, proofUrl)
                .set(RELEASE.STATUS, Delivery.Status.DELIVERED.name())
                .setNull(RELEASE.ERROR)
                .set(RELEASE.ATTEMPTS, RELEASE.ATTEMPTS.plus(1))
                .setNull(RELEASE.NEXT_ATTEMPT_AT)
                .where(RELEASE.STATEMENT_ID.eq(statementId)).and(RELEASE.CHANNEL.eq(channel))
                .execute();
    }

    /** Queues a release again for the worker, due at once; its last error stays until an attempt replaces it. */
    void requeueRelease(UUID statementId, String channel, Instant at) {
        db.update(RELEASE)
                .set(RELEASE.STATUS, Delivery.Status.PENDING.name())
                .set(RELEASE.NEXT_ATTEMPT_AT, utc(at))
                .where(RELEASE.STATEMENT_ID.eq(statementId)).and(RELEASE.CHANNEL.eq(channel))
                .execute();
    }

    /**
     * Locks one release on the channels that is due by {@code now} (PENDING, or FAILED with a retry
     * scheduled), oldest due first, skipping rows another worker holds: two workers never get the
     * same release, and the lock lasts until the transaction that records the attempt ends.
     */
    Optional<ReleaseRow> claimDue(Instant now, Collection<String> channels) {
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        return db.selectFrom(RELEASE)
                .where(RELEASE.NEXT_ATTEMPT_AT.le(utc(now)))
                .and(RELEASE.STATUS.in(Delivery.Status.PENDING.name(), Delivery.Status.FAILED.name()))
                .and(RELEASE.CHANNEL.in(channels))
                .orderBy(RELEASE.NEXT_ATTEMPT_AT, RELEASE.ID)
                .limit(1)
                .forUpdate().skipLocked()
                .fetchOptional(StatementStore::release);
    }

    private static ReleaseRow release(org.yuqing.publishing.db.tables.records.ReleaseRecord r) {
        return new ReleaseRow(r.getStatementId(), r.getChannel(), r.getAt().toInstant(), r.getUrl(),
                Delivery.Status.valueOf(r.getStatus()), r.getError(), r.getAttempts(), instant(r.getNextAttemptAt()));
    }

    /**
     * Records a release.
     *
     * @param attempts      attempts made so far (0 for a queued release)
     * @param nextAttemptAt when the worker tries it, {@code null} for never
     */
    void insertRelease(UUID statementId, Delivery delivery, Instant at, int attempts, Instant nextAttemptAt) {
        db.insertInto(RELEASE)
                .set(RELEASE.STATEMENT_ID, statementId)
                .set(RELEASE.CHANNEL, delivery.channel())
                .set(RELEASE.AT, utc(at))
                .set(RELEASE.URL, delivery.url())
                .set(RELEASE.STATUS, delivery.status().name())
                .set(RELEASE.ERROR, delivery.error())
                .set(RELEASE.ATTEMPTS, attempts)
                .set(RELEASE.NEXT_ATTEMPT_AT, utc(nextAttemptAt))
                .execute();
    }

    void insertAttempt(UUID statementId, String actor, Instant at, AttemptOutcome outcome, String reason) {
        db.insertInto(RELEASE_ATTEMPT)
                .set(RELEASE_ATTEMPT.STATEMENT_ID, statementId)
                .set(RELEASE_ATTEMPT.ACTOR, actor)
                .set(RELEASE_ATTEMPT.AT, utc(at))
                .set(RELEASE_ATTEMPT.OUTCOME, outcome.name())
                .set(RELEASE_ATTEMPT.REASON, reason)
                .execute();
    }

    private static Condition deliveredOn(String channel) {
        return STATEMENT.STATE.eq(StatementState.PUBLISHED.name())
                .and(DSL.exists(DSL.selectOne().from(RELEASE)
                        .where(RELEASE.STATEMENT_ID.eq(STATEMENT.ID))
                        .and(RELEASE.CHANNEL.eq(channel))
                        .and(RELEASE.STATUS.eq(Delivery.Status.DELIVERED.name()))));
    }

    private static StatementRow statement(Record r) {
        return new StatementRow(r.get(STATEMENT.ID), r.get(STATEMENT.CASE_ID), StatementKind.valueOf(r.get(STATEMENT.KIND)),
                r.get(STATEMENT.TITLE), r.get(STATEMENT.BODY), StatementState.valueOf(r.get(STATEMENT.STATE)),
                r.get(STATEMENT.CONTENT_HASH), r.get(STATEMENT.CREATED_BY), instant(r.get(STATEMENT.CREATED_AT)),
                instant(r.get(STATEMENT.UPDATED_AT)), instant(r.get(STATEMENT.PUBLISHED_AT)),
                r.get(STATEMENT.PUBLIC_URL), instant(r.get(STATEMENT.SCHEDULED_AT)), r.get(STATEMENT.SCHEDULED_BY),
                r.get(STATEMENT.SCHEDULE_REFUSAL), r.get(STATEMENT.CORRECTS), r.get(STATEMENT.CORRECTION_REASON),
                r.get(STATEMENT.WITHDRAWN_KIND), r.get(STATEMENT.WITHDRAWN_REASON), r.get(STATEMENT.WITHDRAWN_BY),
                instant(r.get(STATEMENT.WITHDRAWN_AT)), r.get(STATEMENT.WITHDRAWN_NOTICE));
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
