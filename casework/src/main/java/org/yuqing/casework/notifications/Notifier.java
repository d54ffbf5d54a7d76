package org.yuqing.casework.notifications;

/**
 * Sends a notice to its recipient (a role of a unit). The built-in adapter, {@link InboxNotifier}, puts it into the
 * in-app inbox and plans its outside deliveries — email, SMS, WeCom (企业微信) and DingTalk (钉钉) group robots — as
 * the contact directory says; the delivery dispatcher sends them after commit. Every {@code Notifier} bean receives
 * every notice.
 * <p>
 * Called inside the transaction that records what the notice is about: an adapter that writes to the
 * database commits with it; one that talks to an outside system must defer the delivery until after
 * commit (as the planned deliveries do) so a rolled-back cause sends nothing.
 */
public interface Notifier {

    /** Sends (or queues) the notice. */
    void send(Notice notice);
}
