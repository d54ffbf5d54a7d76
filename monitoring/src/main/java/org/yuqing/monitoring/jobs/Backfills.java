package org.yuqing.monitoring.jobs;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.monitoring.incidents.Incidents;
import org.yuqing.monitoring.incidents.Membership;
import org.yuqing.monitoring.incidents.PostFacts;
import org.yuqing.monitoring.ingest.PostIndexer;
import org.yuqing.monitoring.ingest.PostIngest;
import org.yuqing.monitoring.matching.MatchedTopic;
import org.yuqing.monitoring.search.PostDocument;
import org.yuqing.monitoring.search.VersionedPost;
import org.yuqing.monitoring.search.PostIndex;
import org.yuqing.monitoring.search.TopicQuery;
import org.yuqing.monitoring.topics.Topic;
import org.yuqing.monitoring.topics.Topics;
import org.yuqing.monitoring.web.NotFoundException;
import org.yuqing.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Backfill (回溯): runs a new or edited topic over the stored history. The topic's Elasticsearch query
 * ({@link TopicQuery}, the matcher's semantics) is scanned over every monthly index with {@code search_after}, oldest
 * publication first, so posts cluster in the order they appeared; each matching post is recorded in the topic's
 * incidents exactly like a live match ({@link Incidents#record}: same windows, near-duplicates, heat and events) in a
 * transaction of its own, and its stored document gains the topic, the incidents and their unit (so the topic's unit
 * finds it in search). Running a backfill twice changes nothing the first did not: a post already in the topic's
 * incident only has its figures set again, which publishes no event when they are unchanged.
 *
 * <p>A backfill is visible to whoever sees its topic (属地管理); starting one is audited as a configuration change.
 */
@Service
public class Backfills {

    /** Posts per Elasticsearch page. */
    static final int PAGE = 200;
    static final String KIND = "BACKFILL";

    private final Topics topics;
    private final Incidents incidents;
    private final PostIndex index;
    private final PostIndexer indexer;
    private final PostIngest posts;
    private final JobRepository jobs;
    private final JobRunner runner;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Backfills(Topics topics, Incidents incidents, PostIndex index, PostIndexer indexer, PostIngest posts,
              JobRepository jobs, JobRunner runner, Clock clock, PlatformTransactionManager transactions) {
        this.topics = topics;
        this.incidents = incidents;
        this.index = index;
        this.indexer = indexer;
        this.posts = posts;
        this.jobs = jobs;
        this.runner = runner;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Starts a backfill of the topic.
     *
     * @return the job, queued
     * @throws NotFoundException when there is no such topic in the caller's scope (404, audited when it exists)
     */
    public JobStatus start(UUID topicId, Caller caller) {
        Topic topic = topics.get(topicId, caller);
        return runner.launch(new JobRunner.NewJob(KIND, topicId, null, null), caller, "topic " + topicId,
                id -> "backfill " + id + " started over the stored posts", new Work(topic));
    }

    /**
     * A backfill's progress.
     *
     * @throws NotFoundException when the topic is not in the caller's scope or the job is not a backfill of it
     */
    public JobStatus status(UUID topicId, UUID jobId, Caller caller) {
        topics.get(topicId, caller);
        return jobs.find(jobId).filter(j -> KIND.equals(j.kind()) && topicId.equals(j.topicId()))
                .orElseThrow(() -> new NotFoundException("backfill", jobId.toString()));
    }

    /** The backfill of one topic. */
    private final class Work implements JobRunner.Work {

        private final Topic topic;
        private final Query query;
        private final MatchedTopic match;

        Work(Topic topic) {
            this.topic = topic;
            this.query = TopicQuery.of(topic);
            this.match = new MatchedTopic(topic.id(), topic.unitId());
        }

        @Override
        public long total() {
            return index.countAll(query);
        }

        @Override
        public void scan(java.util.function.Consumer<List<VersionedPost>> page) {
            index.scanAll(query, PAGE, page);
        }

        @Override
        public void handle(VersionedPost stored, JobRunner.Counter counter) {
            transaction.executeWithoutResult(status -> {
                VersionedPost latest = indexer.latest(stored);
                PostDocument post = latest.post();
                // the figures recorded last, under the post's lock: a submission recorded after the post was read (still on
                // its way to Elasticsearch) has newer ones than the document
                PostDocument.Metrics m = posts.lockFigures(post.id()).orElse(
                        post.metrics() == null ? new PostDocument.Metrics(0, 0, 0, 0) : post.metrics());
                List<Membership> memberships = incidents.record(new PostFacts(post.id(), post.site(), post.title(),
                        post.text(), post.publishedAt(), m.reads(), m.comments(), m.reposts(), m.likes()), List.of(match));
                List<UUID> topicIds = new ArrayList<>(post.topicIds());
                if (!topicIds.contains(topic.id())) {
                    topicIds.add(topic.id());
                }
                SortedSet<String> unitIds = new TreeSet<>(post.unitIds());
                unitIds.add(topic.unitId());
                memberships.forEach(x -> unitIds.add(x.unitId()));
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                indexer.enqueue(new PostDocument(post.id(), post.sourceId(), post.externalId(), post.url(), post.site(),
                        post.mediaType(), post.author(), post.title(), post.text(), post.publishedAt(), post.collectedAt(),
                        m, topicIds, memberships.stream().map(Membership::incidentId).toList(), List.copyOf(unitIds)),
                        latest.version(), now);
            });
            counter.matched++;
        }
    }
}
