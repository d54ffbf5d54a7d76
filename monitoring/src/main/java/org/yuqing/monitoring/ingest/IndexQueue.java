package org.yuqing.monitoring.ingest;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.yuqing.monitoring.search.PostDocument;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import static org.yuqing.monitoring.db.Tables.POST_INDEX_QUEUE;

/**
 * Posts accepted but not yet stored in Elasticsearch, in {@code monitoring.post_index_queue}: one row per post with its
 * latest document. Rows are taken under a row lock, so two writers never send one post to Elasticsearch at once and
 * the index always ends with the latest queued document.
 */
@Repository
class IndexQueue {

    /** PostgreSQL's order of uuids: bytewise, unsigned (Java's {@link UUID#compareTo} compares signed halves). */
    static final Comparator<UUID> IN_DATABASE_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private final DSLContext db;
    private final JsonMapper json;

    IndexQueue(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Queues the post's document, replacing an older one of the same post; call inside the recording transaction. */
    void put(PostDocument document, Instant now) {
        String doc = json.writeValueAsString(document);
        db.insertInto(POST_INDEX_QUEUE)
                .set(POST_INDEX_QUEUE.POST_ID, document.id())
                .set(POST_INDEX_QUEUE.DOCUMENT, doc)
                .set(POST_INDEX_QUEUE.QUEUED_AT, now.atOffset(ZoneOffset.UTC))
                .onConflict(POST_INDEX_QUEUE.POST_ID)
                .doUpdate()
                .set(POST_INDEX_QUEUE.DOCUMENT, doc)
                .set(POST_INDEX_QUEUE.QUEUED_AT, now.atOffset(ZoneOffset.UTC))
                .set(POST_INDEX_QUEUE.REVISION, DSL.field("nextval('monitoring.post_index_queue_revision')", Long.class))
                .set(POST_INDEX_QUEUE.ATTEMPTS, 0)
                .setNull(POST_INDEX_QUEUE.LAST_ERROR)
                .execute();
    }

    /**
     * Queues the documents like {@link #put} for each in turn (of a post queued twice, the later document stays), in
     * one statement; call inside the recording transaction.
     *
     * @return the revision each post's row has now (see {@link #lockRevisions})
     */
    Map<UUID, Long> putAll(List<PostDocument> documents, Instant now) {
        if (documents.isEmpty()) {
            return Map.of();
        }
        // rows in PostgreSQL's uuid order, the order lock() takes them in: a flush and a recording never wait on
        // each other's rows crosswise
        Map<UUID, PostDocument> latest = new TreeMap<>(IN_DATABASE_ORDER);
        documents.forEach(d -> latest.put(d.id(), d));
        Map<UUID, Long> revisions = new HashMap<>();
        db.resultQuery("""
                insert into monitoring.post_index_queue (post_id, document, queued_at)
                select q.post_id, q.document, {2} from unnest({0}::uuid[], {1}::text[]) with ordinality
                    as q(post_id, document, ord)
                order by q.ord
                on conflict (post_id) do update set document = excluded.document, queued_at = excluded.queued_at,
                    revision = excluded.revision, attempts = 0, last_error = null
                returning post_id, revision""",
                DSL.val(latest.keySet().toArray(UUID[]::new)),
                DSL.val(latest.values().stream().map(json::writeValueAsString).toArray(String[]::new)),
                DSL.val(now.atOffset(ZoneOffset.UTC)))
                .forEach(r -> revisions.put(r.get(0, UUID.class), r.get(1, Long.class)));
        return revisions;
    }

    /**
     * The current revision of each of these posts' queue rows, locked until the transaction ends (waiting for another
     * holder), in PostgreSQL's uuid order; posts no longer queued are absent. Reads no document.
     */
    Map<UUID, Long> lockRevisions(Collection<UUID> postIds) {
        Map<UUID, Long> revisions = new HashMap<>();
        db.select(POST_INDEX_QUEUE.POST_ID, POST_INDEX_QUEUE.REVISION).from(POST_INDEX_QUEUE)
                .where(POST_INDEX_QUEUE.POST_ID.eq(DSL.any(postIds.toArray(UUID[]::new))))
                .orderBy(POST_INDEX_QUEUE.POST_ID)
                .forUpdate()
                .forEach(r -> revisions.put(r.value1(), r.value2()));
        return revisions;
    }

    /** The queued documents of these posts (call with their rows locked). */
    List<PostDocument> documents(Collection<UUID> postIds) {
        return db.select(POST_INDEX_QUEUE.DOCUMENT).from(POST_INDEX_QUEUE)
                .where(POST_INDEX_QUEUE.POST_ID.eq(DSL.any(postIds.toArray(UUID[]::new))))
                .fetch(r -> read(r.value1()));
    }

    /** The queued documents of these posts, locked until the transaction ends (waiting for another holder). */
    List<PostDocument> lock(Collection<UUID> postIds) {
        return db.select(POST_INDEX_QUEUE.DOCUMENT).from(POST_INDEX_QUEUE)
                .where(POST_INDEX_QUEUE.POST_ID.eq(DSL.any(postIds.toArray(UUID[]::new))))
                .orderBy(POST_INDEX_QUEUE.POST_ID)
                .forUpdate()
                .fetch(r -> read(r.value1()));
    }

    /**
     * Up to {@code limit} of the oldest queued documents no one else holds, locked until the transaction ends: those
     * Elasticsearch already failed to take, and those queued before {@code queuedBefore} (the others are still on their
     * way from the submission that queued them).
     */
    List<PostDocument> lockOldest(int limit, Instant queuedBefore) {
        return db.select(POST_INDEX_QUEUE.DOCUMENT).from(POST_INDEX_QUEUE)
                .where(POST_INDEX_QUEUE.ATTEMPTS.gt(0).or(POST_INDEX_QUEUE.QUEUED_AT.lt(queuedBefore.atOffset(ZoneOffset.UTC))))
                .orderBy(POST_INDEX_QUEUE.QUEUED_AT, POST_INDEX_QUEUE.POST_ID)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(r -> read(r.value1()));
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
    Optional<PostDocument> find(UUID postId) {
        return db.select(POST_INDEX_QUEUE.DOCUMENT).from(POST_INDEX_QUEUE).where(POST_INDEX_QUEUE.POST_ID.eq(postId))
                .fetchOptional(r -> read(r.value1()));
    }

    private PostDocument read(String document) {
        return json.readValue(document, PostDocument.class);
    }
}
