package org.yuqing.monitoring.sources;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link FeedPoller#pollDue()} every {@code yuqing.monitoring.sources.poll-every}, unless polling is disabled. */
@Component
@ConditionalOnProperty(name = "yuqing.monitoring.sources.polling-enabled", havingValue = "true", matchIfMissing = true)
class FeedPollSchedule {

    private final FeedPoller poller;
    private final SourceProperties properties;

    FeedPollSchedule(FeedPoller poller, SourceProperties properties) {
        this.poller = poller;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${yuqing.monitoring.sources.poll-every:PT15S}",
            initialDelayString = "${yuqing.monitoring.sources.poll-every:PT15S}")
    void tick() {
        // Drain: a full batch means more sources may be due.
        while (poller.pollDue() == properties.batchSize() && !Thread.currentThread().isInterrupted()) {
            // next batch
        }
    }
}
