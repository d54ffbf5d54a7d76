package org.yuqing.publishing.statements;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;

/**
 * Runs the {@link ReleaseWorker} every {@code yuqing.publishing.delivery.poll-interval} (5 s by
 * default); {@code yuqing.publishing.delivery.schedule=false} turns it off (tests drive the worker).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "yuqing.publishing.delivery.schedule", havingValue = "true", matchIfMissing = true)
class ReleaseSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReleaseSchedule.class);

    private final ReleaseWorker worker;
    private final Clock clock;

    ReleaseSchedule(ReleaseWorker worker, Clock clock) {
        this.worker = worker;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${yuqing.publishing.delivery.poll-interval:5s}",
            initialDelayString = "${yuqing.publishing.delivery.poll-interval:5s}")
    void deliver() {
        try {
            int attempts = worker.deliverDue(clock.instant());
            if (attempts > 0) {
                log.info("delivery worker made {} attempts", attempts);
            }
        } catch (RuntimeException e) {
            log.warn("delivery pass failed; retrying on the next", e);
        }
    }
}
