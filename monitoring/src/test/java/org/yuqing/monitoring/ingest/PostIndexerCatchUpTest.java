package org.yuqing.monitoring.ingest;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.monitoring.search.PostDocument;
import org.yuqing.monitoring.search.PostIndex;
import org.yuqing.monitoring.search.VersionedPost;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexer's catch-up takes what the submissions could not store themselves, and leaves alone what a submission is
 * storing right now: a post queued a moment ago is still on its way from its own request.
 */
class PostIndexerCatchUpTest extends MonitoringIntegrationTest {

    @Autowired
    PostIndexer indexer;
    @Autowired
    PostIndex index;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void catch_up_stores_posts_queued_long_ago_or_refused_before_and_leaves_fresh_ones_to_their_submission() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PostDocument old = queued(now.minus(Duration.ofMinutes(2)));
        PostDocument refused = queued(now);
        jdbc.update("update monitoring.post_index_queue set attempts = 1, last_error = 'Elasticsearch unavailable' "
                + "where post_id = ?", refused.id());
        PostDocument fresh = queued(now);

        indexer.catchUp();

        assertThat(index.find(old.id())).as("queued two minutes ago").isPresent();
        assertThat(index.find(refused.id())).as("refused by Elasticsearch once").isPresent();
        assertThat(index.find(fresh.id())).as("queued a moment ago").isEmpty();
        assertThat(queuedIds()).doesNotContain(old.id(), refused.id()).contains(fresh.id());

        // its submission stores it
        assertThat(indexer.flush(List.of(fresh.id()))).isTrue();
        assertThat(index.find(fresh.id())).isPresent();
        assertThat(queuedIds()).doesNotContain(fresh.id());
    }

    @Test
    void a_write_of_an_older_revision_arriving_late_never_replaces_the_newer_document() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PostDocument older = document(url(), now, 1);
        PostDocument newer = document(older.url(), now, 2);
        List<Long> revisions = indexer.revisions(2);
        IndexQueue.Row olderRow = new IndexQueue.Row(older, revisions.get(0));
        IndexQueue.Row newerRow = new IndexQueue.Row(newer, revisions.get(1));
        assertThat(revisions.get(1)).isGreaterThan(revisions.get(0));

        assertThat(indexer.store(List.of(newerRow), Set.of(), true)).isTrue();
        // the older submission's store, run late by its thread
        assertThat(indexer.store(List.of(olderRow), Set.of(), true)).isTrue();
        assertThat(reads(older.id())).isEqualTo(2);

        // the older document left queued (Elasticsearch refused it then) is caught up and dropped, not stored
        indexer.queueUnstored(List.of(olderRow), "Elasticsearch unavailable");
        assertThat(queuedIds()).contains(older.id());
        indexer.catchUp();
        assertThat(queuedIds()).doesNotContain(older.id());
        assertThat(reads(older.id())).isEqualTo(2);

        // of a post given twice to one store, the higher revision is the one stored
        PostDocument latest = document(older.url(), now, 3);
        IndexQueue.Row latestRow = new IndexQueue.Row(latest, indexer.revisions(1).getFirst());
        assertThat(indexer.store(List.of(latestRow, olderRow), Set.of(), true)).isTrue();
        assertThat(reads(older.id())).isEqualTo(3);
    }

    @Test
    void an_older_write_moving_a_post_to_another_month_leaves_only_the_newer_document_in_its_month() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String url = url();
        PostDocument older = withPublished(document(url, now, 1), now.minus(Duration.ofDays(40)));
        PostDocument newer = withPublished(document(url, now, 2), now.minus(Duration.ofHours(1)));
        List<Long> revisions = indexer.revisions(2);

        assertThat(indexer.store(List.of(new IndexQueue.Row(newer, revisions.get(1))), Set.of(), true)).isTrue();
        // the older submission, stored late, was published in another month: written there, then found older than
        // the copy it would remove, and removed itself
        assertThat(indexer.store(List.of(new IndexQueue.Row(older, revisions.get(0))), Set.of(older.id()), true)).isTrue();

        assertThat(index.countAll(Query.of(q -> q.ids(i -> i.values(older.id().toString()))))).isEqualTo(1);
        assertThat(index.find(older.id()).orElseThrow().publishedAt()).isEqualTo(newer.publishedAt());
        assertThat(reads(older.id())).isEqualTo(2);
    }

    @Test
    void a_job_rewriting_a_post_it_read_changes_it_unless_a_submission_stored_a_newer_one_meanwhile() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String url = url();
        UUID topic = UUID.randomUUID();
        assertThat(indexer.store(List.of(new IndexQueue.Row(document(url, now, 1), indexer.revisions(1).getFirst())),
                Set.of(), true)).isTrue();
        VersionedPost read = scanned(url);

        // no submission meanwhile: the job's rewrite (a topic added) replaces the document it read
        rewrite(read, topic);
        assertThat(index.find(read.post().id()).orElseThrow().topicIds()).containsExactly(topic);
        assertThat(reads(read.post().id())).isEqualTo(1);

        // a job reads the post, a submission then stores new figures, and the job's rewrite of what it read comes after
        VersionedPost before = scanned(url);
        assertThat(indexer.store(List.of(new IndexQueue.Row(document(url, now, 7), indexer.revisions(1).getFirst())),
                Set.of(), true)).isTrue();
        rewrite(before, UUID.randomUUID());

        assertThat(reads(read.post().id())).as("the submission's figures stay").isEqualTo(7);
        assertThat(queuedIds()).doesNotContain(read.post().id());
    }

    /** The post as a job's scan reads it, with its version. */
    private VersionedPost scanned(String url) {
        List<VersionedPost> found = new java.util.ArrayList<>();
        index.scanAll(Query.of(q -> q.ids(i -> i.values(PostIngest.postId(url).toString()))), 10, found::addAll);
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    /** What a re-index or backfill does with a post it read: queue it changed at the version it read, then store it. */
    private void rewrite(VersionedPost read, UUID topic) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            VersionedPost latest = indexer.latest(read);
            PostDocument d = latest.post();
            indexer.enqueue(new PostDocument(d.id(), d.sourceId(), d.externalId(), d.url(), d.site(), d.mediaType(),
                    d.author(), d.title(), d.text(), d.publishedAt(), d.collectedAt(), d.metrics(), List.of(topic),
                    d.incidentIds(), d.unitIds()), latest.version(), Instant.now());
        });
        assertThat(indexer.flush(List.of(read.post().id()))).isTrue();
    }

    private static PostDocument withPublished(PostDocument d, Instant publishedAt) {
        return new PostDocument(d.id(), d.sourceId(), d.externalId(), d.url(), d.site(), d.mediaType(), d.author(),
                d.title(), d.text(), publishedAt, d.collectedAt(), d.metrics(), d.topicIds(), d.incidentIds(),
                d.unitIds());
    }

    private long reads(UUID id) {
        return index.find(id).orElseThrow().metrics().reads();
    }

    private static PostDocument document(String url, Instant at, long reads) {
        return new PostDocument(PostIngest.postId(url), null, null, url, "x.example.cn", "NEWS", "网友", "排队标题",
                "排队正文 " + url, hoursAgo(1), at, new PostDocument.Metrics(reads, 0, 0, 0), List.of(), List.of(),
                List.of());
    }

    private PostDocument queued(Instant at) {
        PostDocument document = document(url(), at, 1);
        new TransactionTemplate(transactions).executeWithoutResult(s -> indexer.enqueue(document, indexer.revisions(1).getFirst(), at));
        return document;
    }

    private static String url() {
        return "https://queue.example.cn/" + UUID.randomUUID();
    }

    private List<UUID> queuedIds() {
        return jdbc.queryForList("select post_id from monitoring.post_index_queue", UUID.class);
    }
}
