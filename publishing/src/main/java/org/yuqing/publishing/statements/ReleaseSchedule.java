package org.yuqing.publishing.statements;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the scheduled releases that are due and then the {@link ReleaseWorker} every
 * {@code yuqing.publishing.delivery.poll-interval} (5 s by default), and at once after a publish that queued
 * releases commits (so an approved statement reaches every channel without waiting for the poll);
 * {@code yuqing.publishing.delivery.schedule=false} turns both off (tests drive the worker).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "yuqing.publishing.delivery.schedule", havingValue = "true", matchIfMissing = true)
class ReleaseSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReleaseSchedule.class);

    private final ReleaseWorker worker;
    private final ScheduledReleases scheduled;
    private final Clock clock;
    private final ExecutorService kicks = Executors.newVirtualThreadPerTaskExecutor();
    /** One kicked pass at a time; a kick arriving meanwhile asks for one more pass. */
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    ReleaseSchedule(ReleaseWorker worker, ScheduledReleases scheduled, Clock clock) {
        this.worker = worker;
        this.scheduled = scheduled;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${yuqing.publishing.delivery.poll-interval:5s}",
            initialDelayString = "${yuqing.publishing.delivery.poll-interval:5s}")
    void deliver() {
        try {
            int released = scheduled.releaseDue(clock.instant());
            int attempts = worker.deliverDue(clock.instant());
            if (released > 0 || attempts > 0) {
                log.info("released {} scheduled statements; delivery worker made {} attempts", released, attempts);
            }
        } catch (RuntimeException e) {
            log.warn("delivery pass failed; retrying on the next", e);
        }
    }

    /** After a publish that queued releases commits: one worker pass now, off the request thread. */
    @TransactionalEventListener
    void releasesQueued(ReleasesQueued queued) {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            kicks.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false)) {
                worker.deliverDue(clock.instant());
            }
        } catch (RuntimeException e) {
            log.warn("delivery pass after a publish failed; the poll retries", e);
        } finally {
            running.set(false);
            if (again.get() && running.compareAndSet(false, true)) {
                kicks.execute(this::drain);
            }
        }
    }

    @Override
    public void close() {
        kicks.shutdown();
    }
}
