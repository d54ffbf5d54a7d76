package org.yuqing.monitoring.ingest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.monitoring.search.PostDocument;
import org.yuqing.monitoring.search.PostIndex;
import org.yuqing.monitoring.search.SearchUnavailableException;
import org.yuqing.monitoring.search.VersionedPost;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stores accepted posts in Elasticsearch, so a post the API accepted is never lost when Elasticsearch is down (可靠入库).
 *
 * <p>Every write of a post has a revision, taken under the post's lock when it is recorded (a later submission has a
 * higher one), and Elasticsearch stores the post's document with it as an external version: it keeps the highest, so
 * writes arriving out of order (two submissions of one post stored by different threads, a catch-up after a newer
 * submission) never leave an older document in place.
 *
 * <p>A submission records its posts in PostgreSQL and then stores them in Elasticsearch itself ({@link #store}), from
 * memory: when Elasticsearch answers, the post is searchable (or is at the next refresh) and PostgreSQL never held its
 * document. When Elasticsearch does not answer, the documents go to the durable queue
 * ({@code monitoring.post_index_queue}) with their revisions, the API still answers success (saying the posts are not
 * searchable yet) and the scheduled {@link #catchUp} stores them once Elasticsearch is back, every
 * {@code yuqing.monitoring.indexer.every} (5 s by default). Jobs that rewrite stored posts queue their documents
 * at the version they read ({@link #enqueue}) and {@link #flush} them. A post that was recorded but whose request ended before it was stored
 * (the process stopped) was never answered with success; its sender submits it again.
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
     * Queues a rewrite of a stored post for {@link #flush}, at the version of the document it started from
     * ({@link #latest}): it replaces that document, but not one a submission stored meanwhile (of a higher revision),
     * which wins. Call inside the transaction that decides it, so both commit together.
     */
    public void enqueue(PostDocument document, long version, Instant now) {
        queue.put(document, version, now);
    }

    /** {@code n} new revisions, increasing; take them under the posts' locks, in the transaction recording them. */
    List<Long> revisions(int n) {
        return n == 0 ? List.of() : queue.revisions(n);
    }

    /**
     * Stores these documents in Elasticsearch, each under its revision (of a post given twice, the higher revision
     * wins); when Elasticsearch fails, queues them all for {@link #catchUp} instead.
     *
     * @param mayHaveCopies the posts that may have been stored before, under another publication month
     * @param waitForSearch whether to return only once they are searchable, or once Elasticsearch has them
     * @return true when every one of them is stored now; false when they were queued
     */
    boolean store(List<IndexQueue.Row> rows, Set<UUID> mayHaveCopies, boolean waitForSearch) {
        Map<UUID, IndexQueue.Row> latest = new LinkedHashMap<>();
        rows.forEach(r -> latest.merge(r.document().id(), r, (a, b) -> a.revision() >= b.revision() ? a : b));
        List<IndexQueue.Row> all = new ArrayList<>(latest.values());
        for (int from = 0; from < all.size(); from += BATCH) {
            List<IndexQueue.Row> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            try {
                write(batch, mayHaveCopies, waitForSearch);
            } catch (SearchUnavailableException e) {
                noteFailure(e);
                queueUnstored(all.subList(from, all.size()), e.getBody().getDetail());
                return false;
            }
        }
        return true;
    }

    /**
     * Queues these documents for {@link #catchUp} without trying Elasticsearch (it has just failed for others), in a
     * transaction of their own; the next catch-up takes them at once.
     */
    void queueUnstored(List<IndexQueue.Row> rows, String why) {
        transaction.executeWithoutResult(status ->
                queue.putAllUnstored(rows, clock.instant().truncatedTo(ChronoUnit.MILLIS), why));
    }

    /**
     * Stores the queued documents of these posts in Elasticsearch and removes them from the queue; posts no longer
     * queued (someone else stored them meanwhile) need nothing.
     *
     * @return true when every one of them is searchable now; false when Elasticsearch failed (they stay queued)
     */
    public boolean flush(Collection<UUID> postIds) {
        List<UUID> ids = postIds.stream().distinct().sorted().toList();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            try {
                transaction.executeWithoutResult(status -> storeQueued(queue.lock(chunk)));
            } catch (SearchUnavailableException e) {
                noteFailure(e);
                transaction.executeWithoutResult(status -> queue.failed(chunk, e.getBody().getDetail()));
                return false;
            }
        }
        return true;
    }

    /**
     * Stores every queued post in Elasticsearch that failed to be stored or was queued longer than the grace period ago
     * ({@code yuqing.monitoring.indexer.grace}, 30 s by default: a post queued a moment ago by a job is on its way,
     * the job stores it itself), oldest first, in batches of {@value #BATCH}; stops at the first failure (the rest stay
     * queued for the next run).
     *
     * @return how many posts were stored
     */
    public int catchUp() {
        int stored = 0;
        while (true) {
            List<UUID> batch = new ArrayList<>();
            try {
                Integer n = transaction.execute(status -> {
                    List<IndexQueue.Row> rows = queue.lockOldest(BATCH, clock.instant().minus(grace));
                    rows.forEach(r -> batch.add(r.document().id()));
                    storeQueued(rows);
                    return rows.size();
                });
                if (n == null || n == 0) {
                    if (stored > 0 && failing.compareAndSet(true, false)) {
                        LOG.log(System.Logger.Level.INFO, "Elasticsearch is back: the queued posts are stored");
                    }
                    return stored;
                }
                stored += n;
            } catch (SearchUnavailableException e) {
                noteFailure(e);
                if (!batch.isEmpty()) {
                    transaction.executeWithoutResult(status -> queue.failed(batch, e.getBody().getDetail()));
                }
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
     * The latest document of a post read from Elasticsearch, with its version: the queued one when a newer submission
     * still waits for Elasticsearch, else {@code stored}. Jobs that rewrite stored posts start from it and write at its
     * version ({@link #enqueue}), so they never undo a newer submission, whether it waits in the queue or was stored
     * after they read the post.
     */
    public VersionedPost latest(VersionedPost stored) {
        return queue.find(stored.post().id()).map(r -> new VersionedPost(r.document(), r.revision())).orElse(stored);
    }

    /** Stores locked queue rows under their revisions and removes them (a row older than the stored post is done too). */
    private void storeQueued(List<IndexQueue.Row> rows) {
        if (!rows.isEmpty()) {
            // queued rows may be of posts stored before under another month
            write(rows, null, true);
            queue.remove(rows.stream().map(r -> r.document().id()).toList());
        }
    }

    private void write(List<IndexQueue.Row> rows, Set<UUID> mayHaveCopies, boolean waitForSearch) {
        List<PostDocument> documents = new ArrayList<>(rows.size());
        Map<UUID, Long> versions = new HashMap<>();
        for (IndexQueue.Row r : rows) {
            documents.add(r.document());
            versions.put(r.document().id(), r.revision());
        }
        index.indexAll(documents, versions, mayHaveCopies != null ? mayHaveCopies : versions.keySet(), waitForSearch);
    }

    private void noteFailure(SearchUnavailableException e) {
        if (failing.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "Elasticsearch is unavailable; accepted posts are queued until it is back: "
                    + e.getBody().getDetail());
        }
    }
}
