package org.yuqing.casework.notifications;

import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Puts each notice into the in-app inbox and plans its outside deliveries (email, SMS, group robots), all in the
 * caller's transaction: the notice and its deliveries commit with what they are about, and the dispatcher sends
 * them afterwards. A notice is made once (the escalation chain's steps are recorded in the same transaction), and
 * each of its deliveries is keyed by notice × channel × recipient, so nothing is planned twice.
 */
@Component
class InboxNotifier implements Notifier {

    private final NotificationRepository repository;
    private final DeliveryPlanner deliveries;
    private final Clock clock;

    InboxNotifier(NotificationRepository repository, DeliveryPlanner deliveries, Clock clock) {
        this.repository = repository;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public void send(Notice notice) {
        long id = repository.insert(notice);
        deliveries.plan(id, notice, clock.instant());
    }
}
