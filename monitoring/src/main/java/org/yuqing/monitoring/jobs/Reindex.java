package org.yuqing.monitoring.jobs;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.monitoring.incidents.Incidents;
import org.yuqing.monitoring.incidents.Membership;
import org.yuqing.monitoring.ingest.PostIndexer;
import org.yuqing.monitoring.matching.MatchedTopic;
import org.yuqing.monitoring.matching.TopicMatcher;
import org.yuqing.monitoring.search.PostDocument;
import org.yuqing.monitoring.search.VersionedPost;
import org.yuqing.monitoring.search.PostIndex;
import org.yuqing.monitoring.web.InvalidRequestException;
import org.yuqing.monitoring.web.NotFoundException;
import org.yuqing.security.Caller;
import org.yuqing.security.OutOfScopeException;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Re-index (重建索引), for administrators: recomputes the derived fields of the posts published in a range of months
 * (UTC) and writes them again — the topics each matches now (the matcher), the incidents holding it and their units,
 * so {@code unitIds} (posts stored before unit scoping have none and are invisible in search until then), and the
 * fields the index derives on every write ({@code matchText}, {@code heat}). It adds no post to an incident (that is a
 * topic's {@link Backfills backfill}); {@code unitIds} only grow, as with every submission. A re-index is visible to
 * the administrator who started it only; starting one is audited as a configuration change.
 */
@Service
public class Reindex {

    static final String KIND = "REINDEX";
    /** Posts per Elasticsearch page. */
    static final int PAGE = 500;

    private final TopicMatcher matcher;
    private final Incidents incidents;
    private final PostIndex index;
    private final PostIndexer indexer;
    private final JobRepository jobs;
    private final JobRunner runner;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Reindex(TopicMatcher matcher, Incidents incidents, PostIndex index, PostIndexer indexer, JobRepository jobs,
            JobRunner runner, Clock clock, PlatformTransactionManager transactions) {
        this.matcher = matcher;
        this.incidents = incidents;
        this.index = index;
        this.indexer = indexer;
        this.jobs = jobs;
        this.runner = runner;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * What to re-index: the posts published in the months {@code from} to {@code to}, both included.
     *
     * @param from first month, {@code yyyy-MM}
     * @param to   last month, {@code yyyy-MM}
     */
    public record Request(String from, String to) {
    }

    /**
     * Starts a re-index.
     *
     * @return the job, queued
     * @throws InvalidRequestException when a month is missing or invalid, or {@code to} is before {@code from}
     */
    public JobStatus start(Request request, Caller caller) {
        Map<String, String> errors = new LinkedHashMap<>();
        YearMonth from = month("from", request == null ? null : request.from(), errors);
        YearMonth to = month("to", request == null ? null : request.to(), errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to", "must not be before from");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Instant since = from.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant until = to.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return runner.launch(new JobRunner.NewJob(KIND, null, from.toString(), to.toString()), caller,
                "posts " + from + ".." + to, id -> "re-index " + id + " started",
                new Work(Query.of(q -> q.range(r -> r.date(d -> d.field("publishedAt")
                        .gte(since.toString()).lt(until.toString()))))));
    }

    /**
     * A re-index's progress, for the administrator who started it.
     *
     * @throws NotFoundException   when there is no such re-index
     * @throws OutOfScopeException when another administrator started it (answered like an unknown id, audited)
     */
    public JobStatus status(UUID jobId, Caller caller) {
        var job = jobs.record(jobId).filter(j -> KIND.equals(j.getKind()))
                .orElseThrow(() -> new NotFoundException("re-index", jobId.toString()));
        if (!job.getOwner().equals(caller.login())) {
            throw new OutOfScopeException("re-index " + jobId);
        }
        return JobRepository.status(job);
    }

    private static YearMonth month(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "is required (a month, yyyy-MM)");
            return null;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a month, yyyy-MM");
            return null;
        }
    }

    /** The re-index of the posts a query selects. */
    private final class Work implements JobRunner.Work {

        private final Query query;

        Work(Query query) {
            this.query = query;
        }

        @Override
        public long total() {
            return index.countAll(query);
        }

        @Override
        public void scan(Consumer<List<VersionedPost>> page) {
            index.scanAll(query, PAGE, page);
        }

        @Override
        public void handle(VersionedPost stored, JobRunner.Counter counter) {
            boolean matches = Boolean.TRUE.equals(transaction.execute(status -> {
                VersionedPost latest = indexer.latest(stored);
                PostDocument post = latest.post();
                List<MatchedTopic> topics = matcher.match(post.site(), post.mediaType(), post.title(), post.text());
                List<Membership> memberships = incidents.membershipsOf(post.id());
                SortedSet<String> unitIds = new TreeSet<>(post.unitIds());
                topics.forEach(t -> unitIds.add(t.unitId()));
                memberships.forEach(m -> unitIds.add(m.unitId()));
                indexer.enqueue(new PostDocument(post.id(), post.sourceId(), post.externalId(), post.url(), post.site(),
                        post.mediaType(), post.author(), post.title(), post.text(), post.publishedAt(), post.collectedAt(),
                        post.metrics() == null ? new PostDocument.Metrics(0, 0, 0, 0) : post.metrics(),
                        topics.stream().map(MatchedTopic::topicId).toList(),
                        memberships.stream().map(Membership::incidentId).toList(), List.copyOf(unitIds)),
                        latest.version(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
                return !topics.isEmpty();
            }));
            if (matches) {
                counter.matched++;
            }
        }
    }
}
