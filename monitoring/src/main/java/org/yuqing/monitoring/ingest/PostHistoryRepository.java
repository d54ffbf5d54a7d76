package org.yuqing.monitoring.ingest;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.jooq.Table;
import org.yuqing.monitoring.db.tables.PostSnapshot;
import org.yuqing.monitoring.search.PostDocument;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.yuqing.monitoring.db.Tables.POST_IDENTITY;
import static org.yuqing.monitoring.db.Tables.POST_SNAPSHOT;

/** Post identities by source and the metric history, in {@code monitoring.post_identity} and {@code monitoring.post_snapshot}. */
@Repository
class PostHistoryRepository {

    private final DSLContext db;

    PostHistoryRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * The id of the post known by this source and external id; when none is known yet, {@code candidate}
     * becomes it. Safe under concurrent first submissions: the first to commit wins.
     */
    UUID identify(String sourceId, String externalId, UUID candidate, Instant now) {
        db.insertInto(POST_IDENTITY)
                .set(POST_IDENTITY.SOURCE_ID, sourceId)
                .set(POST_IDENTITY.EXTERNAL_ID, externalId)
                .set(POST_IDENTITY.POST_ID, candidate)
                .set(POST_IDENTITY.CREATED_AT, utc(now))
                .onConflictDoNothing()
                .execute();
        return db.select(POST_IDENTITY.POST_ID).from(POST_IDENTITY)
                .where(POST_IDENTITY.SOURCE_ID.eq(sourceId).and(POST_IDENTITY.EXTERNAL_ID.eq(externalId)))
                .fetchSingle(POST_IDENTITY.POST_ID);
    }

    /** Serialises the history of one post for the rest of the transaction. */
    void lock(UUID postId) {
        db.execute("select pg_advisory_xact_lock(hashtextextended({0}, 0))", DSL.val(postId.toString()));
    }

    /**
     * Appends a snapshot unless the post's latest one has the same figures; one statement, so call it
     * after {@link #lock} for concurrent submissions of one post.
     *
     * @return whether a snapshot was appended
     */
    boolean appendIfChanged(UUID postId, Instant at, PostDocument.Metrics m) {
        PostSnapshot s = POST_SNAPSHOT.as("latest");
        Table<?> latest = DSL.select(s.READS, s.COMMENTS, s.REPOSTS, s.LIKES).from(s)
                .where(s.POST_ID.eq(postId))
                .orderBy(s.AT.desc(), s.ID.desc())
                .limit(1)
                .asTable("latest");
        return db.insertInto(POST_SNAPSHOT, POST_SNAPSHOT.POST_ID, POST_SNAPSHOT.AT, POST_SNAPSHOT.READS,
                        POST_SNAPSHOT.COMMENTS, POST_SNAPSHOT.REPOSTS, POST_SNAPSHOT.LIKES)
                .select(DSL.select(DSL.val(postId, POST_SNAPSHOT.POST_ID), DSL.val(utc(at), POST_SNAPSHOT.AT),
                                DSL.val(m.reads(), POST_SNAPSHOT.READS), DSL.val(m.comments(), POST_SNAPSHOT.COMMENTS),
                                DSL.val(m.reposts(), POST_SNAPSHOT.REPOSTS), DSL.val(m.likes(), POST_SNAPSHOT.LIKES))
                        .whereNotExists(DSL.selectOne().from(latest)
                                .where(latest.field(s.READS).eq(m.reads()))
                                .and(latest.field(s.COMMENTS).eq(m.comments()))
                                .and(latest.field(s.REPOSTS).eq(m.reposts()))
                                .and(latest.field(s.LIKES).eq(m.likes()))))
                .execute() == 1;
    }

    /** The post's snapshots, oldest first. */
    List<MetricSnapshot> snapshots(UUID postId) {
        return db.selectFrom(POST_SNAPSHOT).where(POST_SNAPSHOT.POST_ID.eq(postId))
                .orderBy(POST_SNAPSHOT.AT.asc(), POST_SNAPSHOT.ID.asc())
                .fetch(r -> new MetricSnapshot(r.getAt().toInstant(), r.getReads(), r.getComments(), r.getReposts(), r.getLikes()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
