package org.yuqing.monitoring.ingest;

import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.yuqing.monitoring.search.PostDocument;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.yuqing.monitoring.db.Tables.POST_INDEX_QUEUE;

/**
 * Posts accepted but not yet stored in Elasticsearch, in {@code monitoring.post_index_queue}: one row per post with its
 * latest document. Rows are taken under a row lock, so two writers never send one post to Elasticsearch at once and
 * the index always ends with the latest queued document.
 */
@Repository
class IndexQueue {

    private final DSLContext db;
    private final JsonMapper json;

    IndexQueue(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Queues the post's document, replacing an older one of the same post; call inside the recording transaction. */
    void put(PostDocument document, Instant now) {
        JSONB doc = JSONB.valueOf(json.writeValueAsString(document));
        db.insertInto(POST_INDEX_QUEUE)
                .set(POST_INDEX_QUEUE.POST_ID, document.id())
                .set(POST_INDEX_QUEUE.DOCUMENT, doc)
                .set(POST_INDEX_QUEUE.QUEUED_AT, now.atOffset(ZoneOffset.UTC))
                .onConflict(POST_INDEX_QUEUE.POST_ID)
                .doUpdate()
                .set(POST_INDEX_QUEUE.DOCUMENT, doc)
                .set(POST_INDEX_QUEUE.QUEUED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
    }

    /**
     * Queues the documents like {@link #put} for each in turn (of a post queued twice, the later document stays), in
     * one statement; call inside the recording transaction.
     */
    void putAll(List<PostDocument> documents, Instant now) {
        if (documents.isEmpty()) {
            return;
        }
        Map<UUID, PostDocument> latest = new LinkedHashMap<>();
        documents.forEach(d -> latest.put(d.id(), d));
        var insert = db.insertInto(POST_INDEX_QUEUE, POST_INDEX_QUEUE.POST_ID, POST_INDEX_QUEUE.DOCUMENT,
                POST_INDEX_QUEUE.QUEUED_AT);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        for (PostDocument document : latest.values()) {
            insert = insert.values(document.id(), JSONB.valueOf(json.writeValueAsString(document)), at);
        }
        insert.onConflict(POST_INDEX_QUEUE.POST_ID)
                .doUpdate()
                .set(POST_INDEX_QUEUE.DOCUMENT, DSL.excluded(POST_INDEX_QUEUE.DOCUMENT))
                .set(POST_INDEX_QUEUE.QUEUED_AT, DSL.excluded(POST_INDEX_QUEUE.QUEUED_AT))
                .execute();
    }

    /** The queued documents of these posts, locked until the transaction ends (waiting for another holder). */
    List<PostDocument> lock(Collection<UUID> postIds) {
        return db.select(POST_INDEX_QUEUE.DOCUMENT).from(POST_INDEX_QUEUE)
                .where(POST_INDEX_QUEUE.POST_ID.in(postIds))
                .orderBy(POST_INDEX_QUEUE.POST_ID)
                .forUpdate()
                .fetch(r -> read(r.value1()));
    }

    /** Up to {@code limit} of the oldest queued documents no one else holds, locked until the transaction ends. */
    List<PostDocument> lockOldest(int limit) {
        return db.select(POST_INDEX_QUEUE.DOCUMENT).from(POST_INDEX_QUEUE)
                .orderBy(POST_INDEX_QUEUE.QUEUED_AT, POST_INDEX_QUEUE.POST_ID)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(r -> read(r.value1()));
    }

    /** Removes these posts from the queue (they are in Elasticsearch now). */
    void remove(Collection<UUID> postIds) {
        db.deleteFrom(POST_INDEX_QUEUE).where(POST_INDEX_QUEUE.POST_ID.in(postIds)).execute();
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

    private PostDocument read(JSONB document) {
        return json.readValue(document.data(), PostDocument.class);
    }
}
