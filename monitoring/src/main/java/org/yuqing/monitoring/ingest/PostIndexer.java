package org.yuqing.monitoring.ingest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.monitoring.search.PostDocument;
import org.yuqing.monitoring.search.PostIndex;
import org.yuqing.monitoring.search.SearchUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stores accepted posts in Elasticsearch from the durable queue ({@code monitoring.post_index_queue}), so a post the
 * API accepted is never lost when Elasticsearch is down (可靠入库).
 *
 * <p>Every submission queues its post's document in the transaction that records the post ({@link #enqueue}), then
 * asks {@link #flush} to store it at once: when Elasticsearch answers, the post is searchable when the API returns and
 * leaves the queue; when it does not, the post stays queued, the API still answers success (saying it is not
 * searchable yet) and the scheduled {@link #catchUp} stores it once Elasticsearch is back, every
 * {@code yuqing.monitoring.indexer.every} (5 s by default). A post is sent to Elasticsearch only under its queue
 * row's lock and with the latest queued document, so a late catch-up never overwrites a newer submission; the
 * Elasticsearch document id is the post id, so a post is never stored twice.
 */
@Service
public class PostIndexer {

    /** Posts per Elasticsearch bulk request when flushing or catching up. */
    static final int BATCH = 500;

    private static final System.Logger LOG = System.getLogger(PostIndexer.class.getName());

    private final IndexQueue queue;
    private final PostIndex index;
    private final TransactionTemplate transaction;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Clock clock;
    private final Duration grace;

    PostIndexer(IndexQueue queue, PostIndex index, PlatformTransactionManager transactions, Clock clock,
                @Value("${yuqing.monitoring.indexer.grace:PT30S}") Duration grace) {
        this.queue = queue;
        this.clock = clock;
        this.grace = grace;
        this.index = index;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Queues the post's latest document; call inside the transaction that records the post, so both commit together.
     */
    public void enqueue(PostDocument document, Instant now) {
        queue.put(document, now);
    }

    /**
     * Queues the posts' latest documents like {@link #enqueue} for each, in one statement.
     *
     * @return each post's queue revision, for {@link #flushQueued}
     */
    Map<UUID, Long> enqueueAll(List<PostDocument> documents, Instant now) {
        return queue.putAll(documents, now);
    }

    /** A document this process queued, with the revision its queue row got. */
    record Queued(PostDocument document, long revision) {
    }

    /**
     * Stores these queued posts in Elasticsearch like {@link #flush(Collection, Set, boolean)}, sending the documents
     * given rather than reading them back from the queue: each post's row is locked, and where its revision is still
     * the one given, the document given is its latest; a row rewritten since (a newer submission of the post) is read
     * back, and a post no longer queued (stored meanwhile by someone else) needs nothing.
     *
     * @param queued the documents with their queue revisions, each post at most once
     * @return true when every one of them is stored now; false when Elasticsearch failed (they stay queued)
     */
    boolean flushQueued(List<Queued> queued, Set<UUID> mayHaveCopies, boolean waitForSearch) {
        Map<UUID, Queued> byId = new TreeMap<>(IndexQueue.IN_DATABASE_ORDER);
        queued.forEach(q -> byId.put(q.document().id(), q));
        List<UUID> ids = new ArrayList<>(byId.keySet());
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            try {
                transaction.executeWithoutResult(status -> {
                    Map<UUID, Long> current = queue.lockRevisions(chunk);
                    List<PostDocument> documents = new ArrayList<>(current.size());
                    List<UUID> rewritten = new ArrayList<>();
                    for (UUID id : chunk) {
                        Long revision = current.get(id);
                        if (revision == null) {
                            continue;
                        }
                        Queued q = byId.get(id);
                        if (revision == q.revision()) {
                            documents.add(q.document());
                        } else {
                            rewritten.add(id);
                        }
                    }
                    if (!rewritten.isEmpty()) {
                        documents.addAll(queue.documents(rewritten));
                    }
                    store(documents, mayHaveCopies, waitForSearch);
                });
            } catch (SearchUnavailableException e) {
                noteFailure(chunk, e);
                return false;
            }
        }
        return true;
    }

    /**
     * Stores the queued documents of these posts in Elasticsearch and removes them from the queue; posts no longer
     * queued (someone else stored them meanwhile) need nothing.
     *
     * @return true when every one of them is searchable now; false when Elasticsearch failed (they stay queued)
     */
    public boolean flush(Collection<UUID> postIds) {
        return flush(postIds, Set.copyOf(postIds), true);
    }

    /**
     * Stores the queued documents of these posts in Elasticsearch like {@link #flush(Collection)}, for bulk
     * submissions: only the posts in {@code mayHaveCopies} (submitted before, so their month may have changed) are
     * looked for in other months' indices, and without {@code waitForSearch} this returns once Elasticsearch has the
     * posts, which become searchable at its next refresh (within a second). The durability is the same: a post leaves
     * the queue only once Elasticsearch has acknowledged it.
     *
     * @return true when every one of them is stored now; false when Elasticsearch failed (they stay queued)
     */
    boolean flush(Collection<UUID> postIds, Set<UUID> mayHaveCopies, boolean waitForSearch) {
        List<UUID> ids = postIds.stream().distinct().sorted().toList();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            try {
                transaction.executeWithoutResult(status -> store(queue.lock(chunk), mayHaveCopies, waitForSearch));
            } catch (SearchUnavailableException e) {
                noteFailure(chunk, e);
                return false;
            }
        }
        return true;
    }

    /**
     * Stores every queued post in Elasticsearch that failed to be stored or was queued longer than the grace period ago
     * ({@code yuqing.monitoring.indexer.grace}, 30 s by default: a post queued a moment ago is on its way from its own
     * submission, which stores it itself), oldest first, in batches of {@value #BATCH}; stops at the first failure (the
     * rest stay queued for the next run).
     *
     * @return how many posts were stored
     */
    public int catchUp() {
        int stored = 0;
        while (true) {
            List<UUID> batch = new ArrayList<>();
            try {
                Integer n = transaction.execute(status -> {
                    List<PostDocument> documents = queue.lockOldest(BATCH, clock.instant().minus(grace));
                    documents.forEach(d -> batch.add(d.id()));
                    store(documents);
                    return documents.size();
                });
                if (n == null || n == 0) {
                    if (stored > 0 && failing.compareAndSet(true, false)) {
                        LOG.log(System.Logger.Level.INFO, "Elasticsearch is back: the queued posts are stored");
                    }
                    return stored;
                }
                stored += n;
            } catch (SearchUnavailableException e) {
                noteFailure(batch, e);
                return stored;
            }
        }
    }

    @Scheduled(fixedDelayString = "${yuqing.monitoring.indexer.every:PT5S}",
            initialDelayString = "${yuqing.monitoring.indexer.every:PT5S}")
    void scheduledCatchUp() {
        catchUp();
    }

    /** How many accepted posts wait for Elasticsearch. */
    public int backlog() {
        return queue.size();
    }

    /**
     * The latest document of a post read from Elasticsearch: the queued one when a newer submission still waits for
     * Elasticsearch, else {@code stored}. Jobs that rewrite stored posts start from it, so they never undo a newer
     * submission.
     */
    public PostDocument latest(PostDocument stored) {
        return queue.find(stored.id()).orElse(stored);
    }

    private void store(List<PostDocument> documents) {
        if (!documents.isEmpty()) {
            index.indexAll(documents);
            queue.remove(documents.stream().map(PostDocument::id).toList());
        }
    }

    private void store(List<PostDocument> documents, Set<UUID> mayHaveCopies, boolean waitForSearch) {
        if (!documents.isEmpty()) {
            index.indexAll(documents, mayHaveCopies, waitForSearch);
            queue.remove(documents.stream().map(PostDocument::id).toList());
        }
    }

    /**
     * Notes that these queued posts were not tried because Elasticsearch had just failed for others: the next catch-up
     * takes them at once rather than after the grace period.
     */
    void deferred(Collection<UUID> postIds) {
        if (!postIds.isEmpty()) {
            queue.failed(postIds, "not tried: Elasticsearch was unavailable for an earlier part of the same submission");
        }
    }

    private void noteFailure(List<UUID> postIds, SearchUnavailableException e) {
        if (failing.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "Elasticsearch is unavailable; accepted posts are queued until it is back: "
                    + e.getBody().getDetail());
        }
        if (!postIds.isEmpty()) {
            queue.failed(postIds, e.getBody().getDetail());
        }
    }
}
