package org.yuqing.monitoring.ingest;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.yuqing.monitoring.search.PostDocument;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import static org.yuqing.monitoring.db.Tables.POST_INDEX_QUEUE;

/**
 * Posts accepted but not yet stored in Elasticsearch, in {@code monitoring.post_index_queue}: one row per post with its
 * latest document and that document's revision (the version Elasticsearch stores it under), for posts Elasticsearch
 * refused and for jobs' rewrites. Rows are taken under a row lock, so two writers never send one row at once; the
 * revisions keep Elasticsearch from taking an older document after a newer one.
 */
@Repository
class IndexQueue {

    /** PostgreSQL's order of uuids: bytewise, unsigned (Java's {@link UUID#compareTo} compares signed halves). */
    static final Comparator<UUID> IN_DATABASE_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private final DSLContext db;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    IndexQueue(DSLContext db, JdbcTemplate jdbc, JsonMapper json) {
        this.db = db;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Queues the post's document at this revision, replacing a queued one of a lower or equal revision (a row of a
     * higher revision, a newer submission's, stays); call inside the transaction that decides it.
     */
    void put(PostDocument document, long revision, Instant now) {
        jdbc.update("""
                insert into monitoring.post_index_queue (post_id, document, queued_at, revision, attempts)
                values (?, ?, ?, ?, 0)
                on conflict (post_id) do update set document = excluded.document, queued_at = excluded.queued_at,
                    revision = excluded.revision, attempts = 0, last_error = null
                where post_index_queue.revision <= excluded.revision""",
                document.id(), json.writeValueAsString(document), now.atOffset(ZoneOffset.UTC), revision);
    }

    /** A post's document with its revision: the version Elasticsearch stores it under (higher is newer). */
    record Row(PostDocument document, long revision) {
    }

    /**
     * {@code n} new revisions, increasing: a write that takes its revisions after another (a later submission of a post,
     * under the post's lock) gets higher ones.
     */
    List<Long> revisions(int n) {
        return jdbc.queryForList("select nextval('monitoring.post_index_queue_revision') as r "
                + "from generate_series(1, ?) order by r", Long.class, n);
    }

    /**
     * Queues documents Elasticsearch did not take, with their revisions and why, in one statement: of a post given
     * twice the higher revision is kept, and a post whose row already holds a higher revision keeps it. Call in a
     * transaction of its own.
     */
    void putAllUnstored(List<Row> rows, Instant now, String error) {
        if (rows.isEmpty()) {
            return;
        }
        Map<UUID, Row> latest = new TreeMap<>(IN_DATABASE_ORDER);
        rows.forEach(r -> latest.merge(r.document().id(), r, (a, b) -> a.revision() >= b.revision() ? a : b));
        db.execute("""
                insert into monitoring.post_index_queue (post_id, document, revision, queued_at, attempts, last_error)
                select q.post_id, q.document, q.revision, {3}, 1, {4}
                from unnest({0}::uuid[], {1}::text[], {2}::bigint[]) with ordinality as q(post_id, document, revision, ord)
                order by q.ord
                on conflict (post_id) do update set document = excluded.document, revision = excluded.revision,
                    queued_at = excluded.queued_at, attempts = post_index_queue.attempts + 1,
                    last_error = excluded.last_error
                where post_index_queue.revision < excluded.revision""",
                DSL.val(latest.keySet().toArray(UUID[]::new)),
                DSL.val(latest.values().stream().map(r -> json.writeValueAsString(r.document())).toArray(String[]::new)),
                DSL.val(latest.values().stream().map(Row::revision).toArray(Long[]::new)),
                DSL.val(now.atOffset(ZoneOffset.UTC)),
                DSL.val(error == null || error.length() <= 2000 ? error : error.substring(0, 2000)));
    }

    /** The queued rows of these posts, locked until the transaction ends (waiting for another holder). */
    List<Row> lock(Collection<UUID> postIds) {
        return db.select(POST_INDEX_QUEUE.DOCUMENT, POST_INDEX_QUEUE.REVISION).from(POST_INDEX_QUEUE)
                .where(POST_INDEX_QUEUE.POST_ID.eq(DSL.any(postIds.toArray(UUID[]::new))))
                .orderBy(POST_INDEX_QUEUE.POST_ID)
                .forUpdate()
                .fetch(r -> new Row(read(r.value1()), r.value2()));
    }

    /**
     * Up to {@code limit} of the oldest queued rows no one else holds, locked until the transaction ends: those
     * Elasticsearch already failed to take, and those queued before {@code queuedBefore} (the others are still on their
     * way from the job that queued them).
     */
    List<Row> lockOldest(int limit, Instant queuedBefore) {
        return db.select(POST_INDEX_QUEUE.DOCUMENT, POST_INDEX_QUEUE.REVISION).from(POST_INDEX_QUEUE)
                .where(POST_INDEX_QUEUE.ATTEMPTS.gt(0)
                        .or(POST_INDEX_QUEUE.QUEUED_AT.lt(queuedBefore.atOffset(ZoneOffset.UTC))))
                .orderBy(POST_INDEX_QUEUE.QUEUED_AT, POST_INDEX_QUEUE.POST_ID)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(r -> new Row(read(r.value1()), r.value2()));
    }

    /** Removes these posts from the queue (they are in Elasticsearch now). */
    void remove(Collection<UUID> postIds) {
        db.deleteFrom(POST_INDEX_QUEUE).where(POST_INDEX_QUEUE.POST_ID.eq(DSL.any(postIds.toArray(UUID[]::new)))).execute();
    }

    /** Notes a failed attempt to store these posts. */
    void failed(Collection<UUID> postIds, String error) {
        db.update(POST_INDEX_QUEUE)
                .set(POST_INDEX_QUEUE.ATTEMPTS, POST_INDEX_QUEUE.ATTEMPTS.plus(1))
                .set(POST_INDEX_QUEUE.LAST_ERROR, error == null || error.length() <= 2000 ? error : error.substring(0, 2000))
                .where(POST_INDEX_QUEUE.POST_ID.in(postIds))
                .execute();
    }

    /** How many posts wait for Elasticsearch. */
    int size() {
        return db.fetchCount(POST_INDEX_QUEUE);
    }

    /** The queued document of the post, if it waits. */
    Optional<Row> find(UUID postId) {
        return db.select(POST_INDEX_QUEUE.DOCUMENT, POST_INDEX_QUEUE.REVISION).from(POST_INDEX_QUEUE)
                .where(POST_INDEX_QUEUE.POST_ID.eq(postId))
                .fetchOptional(r -> new Row(read(r.value1()), r.value2()));
    }

    private PostDocument read(String document) {
        return json.readValue(document, PostDocument.class);
    }
}
