package org.yuqing.monitoring.ingest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.monitoring.search.PostDocument;
import org.yuqing.monitoring.search.PostIndex;

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
    void a_submission_storing_its_posts_sends_the_newer_document_another_submission_queued_meanwhile() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PostDocument first = document(url(), now, 1);
        long firstRevision = queuedAll(first, now);
        PostDocument second = document(first.url(), now, 2);
        long secondRevision = queuedAll(second, now);
        assertThat(secondRevision).isGreaterThan(firstRevision);

        // the first submission stores with the document it holds: its row was rewritten, so the newer one goes
        assertThat(indexer.flushQueued(List.of(new PostIndexer.Queued(first, firstRevision)), Set.of(), true)).isTrue();
        assertThat(index.find(first.id())).get().extracting(d -> d.metrics().reads()).isEqualTo(2L);
        assertThat(queuedIds()).doesNotContain(first.id());
        // the second finds its post stored already
        assertThat(indexer.flushQueued(List.of(new PostIndexer.Queued(second, secondRevision)), Set.of(), true)).isTrue();
        assertThat(index.find(first.id())).get().extracting(d -> d.metrics().reads()).isEqualTo(2L);
    }

    private long queuedAll(PostDocument document, Instant at) {
        return new TransactionTemplate(transactions).execute(s -> indexer.enqueueAll(List.of(document), at))
                .get(document.id());
    }

    private static PostDocument document(String url, Instant at, long reads) {
        return new PostDocument(PostIngest.postId(url), null, null, url, "x.example.cn", "NEWS", "网友", "排队标题",
                "排队正文 " + url, hoursAgo(1), at, new PostDocument.Metrics(reads, 0, 0, 0), List.of(), List.of(),
                List.of());
    }

    private PostDocument queued(Instant at) {
        PostDocument document = document(url(), at, 1);
        new TransactionTemplate(transactions).executeWithoutResult(s -> indexer.enqueue(document, at));
        return document;
    }

    private static String url() {
        return "https://queue.example.cn/" + UUID.randomUUID();
    }

    private List<UUID> queuedIds() {
        return jdbc.queryForList("select post_id from monitoring.post_index_queue", UUID.class);
    }
}
