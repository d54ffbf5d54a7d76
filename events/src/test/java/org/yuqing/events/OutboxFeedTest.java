package org.yuqing.events;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.events.IncidentDetected;
import org.yuqing.platform.stack.StackTestProperties;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = EventsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxFeedTest {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        StackTestProperties.postgres(registry);
    }

    @Autowired
    Outbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JsonMapper json;
    @Autowired
    IntegrationEventListener listener;
    @LocalServerPort
    int port;

    TransactionTemplate tx;

    @BeforeEach
    void clean() {
        tx = new TransactionTemplate(transactions);
        jdbc.update("truncate events_test.outbox, events_test.feed_cursor, events_test.applied restart identity");
    }

    @Test
    void an_event_exists_exactly_when_its_transaction_commits() {
        tx.executeWithoutResult(s -> outbox.publish(detected("committed")));
        tx.executeWithoutResult(s -> {
            outbox.publish(detected("rolled back"));
            s.setRollbackOnly();
        });

        List<FeedEvent> events = outbox.read(0, 10);
        assertThat(events).extracting(FeedEvent::type).containsExactly("IncidentDetected");
        assertThat(events.getFirst().payload()).contains("committed").doesNotContain("rolled back");
    }

    @Test
    void events_published_at_commit_exist_in_order_after_the_commit_and_not_after_a_rollback() {
        tx.executeWithoutResult(s -> {
            outbox.publishAtCommit(List.of(detected("first"), detected("second")));
            outbox.publish(detected("published at once"));
            // not appended yet: they come at the commit, after the one published at once
            assertThat(outbox.read(0, 10)).hasSize(1);
        });
        tx.executeWithoutResult(s -> {
            outbox.publishAtCommit(List.of(detected("rolled back")));
            s.setRollbackOnly();
        });

        assertThat(outbox.read(0, 10)).extracting(e -> json.readTree(e.payload()).path("title").asString())
                .containsExactly("published at once", "first", "second");
        assertThatThrownBy(() -> outbox.publishAtCommit(List.of(detected("no transaction"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void publishing_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> outbox.publish(detected("no transaction")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(outbox.read(0, 10)).isEmpty();
    }

    @Test
    void a_consumer_applies_every_event_once_in_feed_order_even_when_producers_race() throws Exception {
        int producers = 8;
        int perProducer = 25;
        try (ExecutorService pool = Executors.newFixedThreadPool(producers)) {
            for (int p = 0; p < producers; p++) {
                int producer = p;
                pool.submit(() -> IntStream.range(0, perProducer).forEach(i ->
                        tx.executeWithoutResult(s -> outbox.publish(detected("p" + producer + "-" + i)))));
            }
        }
        FeedConsumer consumer = consumer("self");
        consumer.start();
        try {
            awaitApplied(producers * perProducer);
        } finally {
            consumer.stop();
        }
        List<String> appliedInOrder = jdbc.queryForList(
                "select a.event_id::text from events_test.applied a order by a.seq", String.class);
        List<String> feedOrder = jdbc.queryForList(
                "select event_id::text from events_test.outbox order by position", String.class);
        assertThat(appliedInOrder).isEqualTo(feedOrder);
        assertThat(consumer.position()).isEqualTo(jdbc.queryForObject(
                "select max(position) from events_test.outbox", Long.class));
    }

    @Test
    void a_redelivered_event_is_not_applied_twice() {
        tx.executeWithoutResult(s -> outbox.publish(detected("once")));
        FeedConsumer consumer = consumer("redelivery");
        FeedEvent event = outbox.read(0, 1).getFirst();

        consumer.apply(event);
        consumer.apply(event);

        assertThat(jdbc.queryForObject("select count(*) from events_test.applied", Long.class)).isEqualTo(1);
    }

    @Test
    void a_stopped_consumer_catches_up_from_its_cursor_when_started_again() throws Exception {
        FeedConsumer first = consumer("restart");
        tx.executeWithoutResult(s -> outbox.publish(detected("before stop")));
        first.start();
        awaitApplied(1);
        first.stop();

        tx.executeWithoutResult(s -> outbox.publish(detected("while down 1")));
        tx.executeWithoutResult(s -> outbox.publish(detected("while down 2")));
        assertThat(jdbc.queryForObject("select count(*) from events_test.applied", Long.class)).isEqualTo(1);

        FeedConsumer second = consumer("restart");
        second.start();
        try {
            awaitApplied(3);
        } finally {
            second.stop();
        }
        assertThat(jdbc.queryForList("select title from events_test.applied order by seq", String.class))
                .containsExactly("before stop", "while down 1", "while down 2");
    }

    @Test
    void the_feed_waits_for_the_next_event_instead_of_answering_empty_at_once() {
        HttpEventSource source = new HttpEventSource(feedUri(), json, () -> null);
        Thread.ofVirtual().start(() -> {
            sleep(300);
            tx.executeWithoutResult(s -> outbox.publish(detected("late")));
        });
        long started = System.nanoTime();
        List<FeedEvent> events = source.poll(0, 10, Duration.ofSeconds(2));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(events).hasSize(1);
        assertThat(events.getFirst().payload()).contains("late");
        assertThat(tookMillis).isGreaterThanOrEqualTo(250);
    }

    private FeedConsumer consumer(String feed) {
        return new FeedConsumer(feed, new HttpEventSource(feedUri(), json, () -> null),
                new EventsProperties.Subscription(feedUri(), 50, Duration.ofSeconds(1)),
                listener, jdbc, tx, json, EventsTestApplication.SCHEMA);
    }

    private URI feedUri() {
        return URI.create("http://127.0.0.1:" + port + "/internal/events");
    }

    private void awaitApplied(long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Long n = jdbc.queryForObject("select count(*) from events_test.applied", Long.class);
            if (n != null && n >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("events not applied within 30 s");
    }

    private static IncidentDetected detected(String title) {
        Instant now = Instant.now();
        return new IncidentDetected(UUID.randomUUID(), now, UUID.randomUUID(), UUID.randomUUID(), "district",
                title, now, IncidentMetrics.empty());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
