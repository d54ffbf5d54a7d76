package org.yuqing.casework.notifications;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the delivery dispatcher every {@code yuqing.casework.notifications.dispatch-interval} (5 s by default).
 * {@code yuqing.casework.notifications.schedule=false} turns it off (tests drive the dispatcher themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "yuqing.casework.notifications.schedule", havingValue = "true", matchIfMissing = true)
class DeliverySchedule {

    private static final System.Logger LOG = System.getLogger(DeliverySchedule.class.getName());

    private final DeliveryDispatcher dispatcher;

    DeliverySchedule(DeliveryDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${yuqing.casework.notifications.dispatch-interval:5s}",
            initialDelayString = "${yuqing.casework.notifications.dispatch-interval:5s}")
    void dispatch() {
        try {
            dispatcher.dispatch();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "delivery dispatch failed; retrying on the next pass", e);
        }
    }
}
