package org.yuqing.casework.escalation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the deadline watcher every {@code yuqing.casework.escalation.watch-interval} (30 s by default).
 * {@code yuqing.casework.escalation.schedule=false} turns it off (tests drive the watcher themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "yuqing.casework.escalation.schedule", havingValue = "true", matchIfMissing = true)
class DeadlineSchedule {

    private static final System.Logger LOG = System.getLogger(DeadlineSchedule.class.getName());

    private final DeadlineWatcher watcher;

    DeadlineSchedule(DeadlineWatcher watcher) {
        this.watcher = watcher;
    }

    @Scheduled(fixedDelayString = "${yuqing.casework.escalation.watch-interval:30s}",
            initialDelayString = "${yuqing.casework.escalation.watch-interval:30s}")
    void watch() {
        try {
            DeadlineWatcher.Pass pass = watcher.watch();
            if (pass.warnings() + pass.misses() + pass.notices() + pass.runsEnded() > 0) {
                LOG.log(System.Logger.Level.INFO, "deadline watcher: {0}", pass);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "deadline watcher pass failed; retrying on the next", e);
        }
    }
}
