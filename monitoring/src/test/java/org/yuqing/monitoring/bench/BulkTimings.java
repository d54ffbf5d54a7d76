package org.yuqing.monitoring.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the service's bulk ingest spends its time, from its own log line per request ("bulk of N lines: N accepted,
 * recorded in X ms, stored for search in Y ms, answered in Z ms"): recording in PostgreSQL (matching, snapshots, incidents, events)
 * versus storing in Elasticsearch. The lines are taken off the console while the benchmark runs.
 */
final class BulkTimings extends AppenderBase<ILoggingEvent> {

    private static final String LOGGER = "org.yuqing.monitoring.ingest.BulkIngest";
    private static final Pattern LINE = Pattern.compile(
            "(\\d+) accepted recorded in (\\d+) ms stored for search in (\\d+) ms answered in (\\d+) ms");

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong recordMillis = new AtomicLong();
    private final AtomicLong storeMillis = new AtomicLong();
    private final AtomicLong answerMillis = new AtomicLong();

    /** Starts collecting the service's bulk log lines (the service must log them at INFO, see BenchStack). */
    static BulkTimings install() {
        Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);
        BulkTimings timings = new BulkTimings();
        timings.setContext(logger.getLoggerContext());
        timings.start();
        logger.setAdditive(false);
        logger.addAppender(timings);
        return timings;
    }

    /** Stops collecting. */
    void uninstall() {
        Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);
        logger.detachAppender(this);
        stop();
    }

    /** Forgets what was collected so far (after a warm-up). */
    void reset() {
        requests.set(0);
        posts.set(0);
        recordMillis.set(0);
        storeMillis.set(0);
        answerMillis.set(0);
    }

    @Override
    protected void append(ILoggingEvent event) {
        // without commas: the figures may carry grouping separators
        Matcher m = LINE.matcher(event.getFormattedMessage().replace(",", ""));
        if (m.find()) {
            requests.incrementAndGet();
            posts.addAndGet(Long.parseLong(m.group(1)));
            recordMillis.addAndGet(Long.parseLong(m.group(2)));
            storeMillis.addAndGet(Long.parseLong(m.group(3)));
            answerMillis.addAndGet(Long.parseLong(m.group(4)));
        }
    }

    /**
     * "per request of 1,000 posts: recording 512 ms, storing 1,234 ms, answered in 1,400 ms": the chunks are stored
     * while the next ones are recorded, so the two phases overlap and the answer comes before their sum.
     */
    String summary() {
        long n = Math.max(1, requests.get());
        double record = (double) recordMillis.get() / n;
        double store = (double) storeMillis.get() / n;
        double answer = (double) answerMillis.get() / n;
        return String.format(java.util.Locale.ROOT, "%d requests, mean %,.0f posts each: validating + matching + "
                        + "recording in PostgreSQL %,.0f ms, storing in Elasticsearch (bulk + copy check) %,.0f ms, the "
                        + "two overlapping chunk by chunk; answered in %,.0f ms per request",
                requests.get(), (double) posts.get() / n, record, store, answer);
    }
}
