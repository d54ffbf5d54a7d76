package org.yuqing.casework.notifications;

import org.springframework.stereotype.Component;

/** Puts each notice into the in-app inbox, in the caller's transaction. */
@Component
class InboxNotifier implements Notifier {

    private final NotificationRepository repository;

    InboxNotifier(NotificationRepository repository) {
        this.repository = repository;
    }

    @Override
    public void send(Notice notice) {
        repository.insert(notice);
    }
}
