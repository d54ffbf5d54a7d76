package org.yuqing.monitoring.jobs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.monitoring.ingest.PostIndexer;
import org.yuqing.monitoring.search.VersionedPost;
import org.yuqing.security.AuditTrail;
import org.yuqing.security.Caller;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs background jobs, at most {@code yuqing.monitoring.jobs.concurrency} (2 by default) at once per replica, and
 * writes their progress after every page of posts, so any replica answers it. A post that fails is counted and the job
 * goes on; Elasticsearch failing stops the job {@code FAILED} with the pages before done (starting it again is
 * harmless: every job is idempotent). A job running when its replica stops is left {@code RUNNING}: start it again.
 */
@Component
class JobRunner implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JobRunner.class.getName());

    /** One job's work: counts the total, then hands the pages of posts to the page worker. */
    interface Work {

        /** How many posts the job will go through. */
        long total();

        /** Goes through the posts, page by page, calling {@code page} for each; each post with its stored version. */
        void scan(Consumer<List<VersionedPost>> page);

        /**
         * Handles one post, counting it in {@link Counter#matched} when it matched (see {@link JobStatus#matched()});
         * a post that failed throws and is counted as an error.
         */
        void handle(VersionedPost post, Counter counter);
    }

    /** The counters of a running job. */
    static final class Counter {
        long total;
        long processed;
        long matched;
        long errors;
        String message;

        JobRepository.Progress progress() {
            return new JobRepository.Progress(total, processed, matched, errors, message);
        }
    }

    private final JobRepository jobs;
    private final Clock clock;
    private final PostIndexer indexer;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final ExecutorService workers;

    JobRunner(JobRepository jobs, Clock clock, PostIndexer indexer, AuditTrail audit,
              PlatformTransactionManager transactions,
              @Value("${yuqing.monitoring.jobs.concurrency:2}") int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("yuqing.monitoring.jobs.concurrency must be at least 1, was " + concurrency);
        }
        this.jobs = jobs;
        this.clock = clock;
        this.indexer = indexer;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.workers = Executors.newFixedThreadPool(concurrency, Thread.ofVirtual().name("monitoring-job-", 0).factory());
    }

    /**
     * Records a new job of the caller's, audits its start as a configuration change (both in one transaction), and
     * starts it in the background; the posts of each page it changed are stored for search before its progress is
     * written.
     *
     * @param job         what the job is: kind, and its topic or months
     * @param caller      who starts it
     * @param auditTarget what the audit line names, e.g. {@code topic <id>}
     * @param auditDetail the audit line's detail, given the new job's id
     * @param work        the job's work
     * @return the job, queued
     */
    JobStatus launch(NewJob job, Caller caller, String auditTarget, Function<UUID, String> auditDetail, Work work) {
        UUID id = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            jobs.insert(id, job.kind(), job.topicId(), job.from(), job.to(), caller.login(), clock.instant());
            audit.done(AuditTrail.CONFIG_CHANGE, auditTarget, auditDetail.apply(id));
        });
        start(id, work, page -> indexer.flush(page.stream().map(p -> p.post().id()).toList()));
        return jobs.find(id).orElseThrow();
    }

    /**
     * A job to record.
     *
     * @param kind    e.g. {@code BACKFILL}
     * @param topicId its topic, {@code null} for none
     * @param from    its first month ({@code yyyy-MM}), {@code null} for none
     * @param to      its last month, {@code null} for none
     */
    record NewJob(String kind, UUID topicId, String from, String to) {
    }

    /** Starts the job in the background; a replica shutting down marks it failed. */
    private void start(UUID id, Work work, PageDone pageDone) {
        try {
            workers.execute(() -> run(id, work, pageDone));
        } catch (RejectedExecutionException e) {
            Counter none = new Counter();
            none.message = "the service is shutting down; start the job again";
            jobs.progress(id, "FAILED", none.progress(), clock.instant(), true);
        }
    }

    /** Called after each page's posts were handled (to store them for search), before progress is written. */
    interface PageDone {
        void done(List<VersionedPost> page);
    }

    private void run(UUID id, Work work, PageDone pageDone) {
        Counter counter = new Counter();
        try {
            jobs.progress(id, "RUNNING", counter.progress(), clock.instant(), false);
            counter.total = work.total();
            jobs.progress(id, "RUNNING", counter.progress(), clock.instant(), false);
            work.scan(page -> {
                for (VersionedPost post : page) {
                    try {
                        work.handle(post, counter);
                    } catch (RuntimeException e) {
                        counter.errors++;
                        if (counter.message == null) {
                            counter.message = "post " + post.post().id() + ": " + e.getMessage();
                        }
                        LOG.log(System.Logger.Level.WARNING, "job " + id + ": post " + post.post().id() + " failed", e);
                    }
                    counter.processed++;
                }
                pageDone.done(page);
                jobs.progress(id, "RUNNING", counter.progress(), clock.instant(), false);
            });
            // posts published meanwhile may have grown the total; never end with processed > total
            counter.total = Math.max(counter.total, counter.processed);
            jobs.progress(id, "DONE", counter.progress(), clock.instant(), true);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "job " + id + " stopped after " + counter.processed + " posts", e);
            counter.message = "stopped after " + counter.processed + " posts: " + e.getMessage();
            jobs.progress(id, "FAILED", counter.progress(), clock.instant(), true);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
