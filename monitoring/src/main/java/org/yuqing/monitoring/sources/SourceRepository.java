package org.yuqing.monitoring.sources;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.yuqing.monitoring.db.tables.records.SourceRecord;
import org.yuqing.monitoring.search.Medium;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.yuqing.monitoring.db.Tables.SOURCE;

/** Sources in table {@code monitoring.source}. */
@Repository
class SourceRepository {

    private final DSLContext db;

    SourceRepository(DSLContext db) {
        this.db = db;
    }

    void insert(UUID id, SourceDraft.Valid s, String actor, Instant now) {
        SourceRecord r = db.newRecord(SOURCE);
        r.setId(id);
        r.setName(s.name());
        r.setKind("FEED");
        r.setUrl(s.url());
        r.setUnitId(s.unitId());
        r.setMediaType(s.medium().name());
        r.setPollIntervalSeconds((int) s.pollInterval().toSeconds());
        r.setEnabled(s.enabled());
        r.setConsecutiveFailures(0);
        r.setLastIngested(0);
        r.setLastSkipped(0);
        r.setNextPollAt(utc(now));
        r.setCreatedBy(actor);
        r.setCreatedAt(utc(now));
        r.insert();
    }

    Optional<Source> find(UUID id) {
        return db.selectFrom(SOURCE).where(SOURCE.ID.eq(id)).fetchOptional(SourceRepository::toSource);
    }

    /** The sources of these units, oldest first. */
    List<Source> ofUnits(Collection<String> unitIds) {
        return db.selectFrom(SOURCE).where(SOURCE.UNIT_ID.in(unitIds))
                .orderBy(SOURCE.CREATED_AT, SOURCE.ID).fetch(SourceRepository::toSource);
    }

    /** The source's unit and URL, locking its row until the transaction ends; empty if there is no such source. */
    Optional<Source> lock(UUID id) {
        return db.selectFrom(SOURCE).where(SOURCE.ID.eq(id)).forUpdate().fetchOptional(SourceRepository::toSource);
    }

    /**
     * Replaces what a user may change. A changed URL forgets the old feed's validators and makes the source due
     * at once, as does enabling it.
     */
    void update(UUID id, SourceDraft.Valid s, boolean urlChanged, boolean enabledNow, Instant now) {
        var update = db.update(SOURCE)
                .set(SOURCE.NAME, s.name())
                .set(SOURCE.URL, s.url())
                .set(SOURCE.UNIT_ID, s.unitId())
                .set(SOURCE.MEDIA_TYPE, s.medium().name())
                .set(SOURCE.POLL_INTERVAL_SECONDS, (int) s.pollInterval().toSeconds())
                .set(SOURCE.ENABLED, s.enabled());
        if (urlChanged) {
            update = update.setNull(SOURCE.ETAG).setNull(SOURCE.LAST_MODIFIED);
        }
        if (urlChanged || enabledNow) {
            update = update.set(SOURCE.NEXT_POLL_AT, utc(now));
        }
        update.where(SOURCE.ID.eq(id)).execute();
    }

    void delete(UUID id) {
        db.deleteFrom(SOURCE).where(SOURCE.ID.eq(id)).execute();
    }

    /**
     * Locks up to {@code limit} enabled sources due at {@code now}, skipping rows another replica
     * holds, and moves their next poll to {@code leaseUntil} so no one else picks them up while they
     * are polled outside this transaction.
     */
    List<DueSource> claimDue(Instant now, int limit, Instant leaseUntil) {
        List<DueSource> due = db.selectFrom(SOURCE)
                .where(SOURCE.ENABLED.isTrue()).and(SOURCE.NEXT_POLL_AT.le(utc(now)))
                .orderBy(SOURCE.NEXT_POLL_AT)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(r -> new DueSource(r.getId(), r.getUrl(), Medium.valueOf(r.getMediaType()), r.getEtag(),
                        r.getLastModified(), r.getConsecutiveFailures(), Duration.ofSeconds(r.getPollIntervalSeconds())));
        if (!due.isEmpty()) {
            db.update(SOURCE).set(SOURCE.NEXT_POLL_AT, utc(leaseUntil))
                    .where(SOURCE.ID.in(due.stream().map(DueSource::id).toList())).execute();
        }
        return due;
    }

    /**
     * Claims one source for a poll now, whatever its schedule and enabled flag: locks its row unless another replica
     * holds it and moves its next poll to {@code leaseUntil}, like {@link #claimDue}.
     *
     * @return the claimed source; empty when there is no such source or its row is held (it is being claimed)
     */
    Optional<DueSource> claim(UUID id, Instant leaseUntil) {
        Optional<DueSource> claimed = db.selectFrom(SOURCE).where(SOURCE.ID.eq(id)).forUpdate().skipLocked()
                .fetchOptional(r -> new DueSource(r.getId(), r.getUrl(), Medium.valueOf(r.getMediaType()), r.getEtag(),
                        r.getLastModified(), r.getConsecutiveFailures(), Duration.ofSeconds(r.getPollIntervalSeconds())));
        claimed.ifPresent(c -> db.update(SOURCE).set(SOURCE.NEXT_POLL_AT, utc(leaseUntil)).where(SOURCE.ID.eq(id)).execute());
        return claimed;
    }

    void recordSuccess(UUID id, Instant now, String etag, String lastModified, Integer ingested, Integer skipped,
                       Instant next) {
        var update = db.update(SOURCE)
                .set(SOURCE.ETAG, etag)
                .set(SOURCE.LAST_MODIFIED, lastModified)
                .set(SOURCE.LAST_POLLED_AT, utc(now))
                .set(SOURCE.LAST_SUCCESS_AT, utc(now))
                .setNull(SOURCE.LAST_ERROR)
                .set(SOURCE.CONSECUTIVE_FAILURES, 0)
                .set(SOURCE.NEXT_POLL_AT, utc(next));
        if (ingested != null) {
            update = update.set(SOURCE.LAST_INGESTED, ingested).set(SOURCE.LAST_SKIPPED, skipped);
        }
        update.where(SOURCE.ID.eq(id)).execute();
    }

    void recordCounts(UUID id, int ingested, int skipped) {
        db.update(SOURCE).set(SOURCE.LAST_INGESTED, ingested).set(SOURCE.LAST_SKIPPED, skipped)
                .where(SOURCE.ID.eq(id)).execute();
    }

    void recordFailure(UUID id, Instant now, String error, int failures, Instant next) {
        db.update(SOURCE)
                .set(SOURCE.LAST_POLLED_AT, utc(now))
                .set(SOURCE.LAST_ERROR, error)
                .set(SOURCE.CONSECUTIVE_FAILURES, failures)
                .set(SOURCE.NEXT_POLL_AT, utc(next))
                .where(SOURCE.ID.eq(id))
                .execute();
    }

    private static Source toSource(SourceRecord r) {
        String status = !r.getEnabled() ? "DISABLED"
                : r.getLastPolledAt() == null ? "NEW"
                : r.getConsecutiveFailures() > 0 ? "FAILING" : "OK";
        return new Source(r.getId(), r.getName(), r.getKind(), r.getUrl(), r.getUnitId(), Medium.valueOf(r.getMediaType()),
                Duration.ofSeconds(r.getPollIntervalSeconds()).toString(), r.getEnabled(), status,
                instant(r.getLastPolledAt()), instant(r.getLastSuccessAt()), r.getLastError(), r.getConsecutiveFailures(),
                r.getLastIngested(), r.getLastSkipped(), instant(r.getNextPollAt()), r.getCreatedBy(),
                instant(r.getCreatedAt()));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
