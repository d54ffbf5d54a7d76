package org.yuqing.casework.notifications;

/**
 * Sends a notice to its recipient. The in-app inbox is the built-in adapter; email, WeCom (企业微信), DingTalk
 * (钉钉) or SMS adapters implement this too and every {@code Notifier} bean receives every notice.
 * <p>
 * Called inside the transaction that records what the notice is about: an adapter that writes to the
 * database commits with it; one that talks to an outside system should defer the delivery until after
 * commit (e.g. {@code TransactionSynchronization#afterCommit}) so a rolled-back cause sends nothing.
 */
public interface Notifier {

    /** Sends (or queues) the notice. */
    void send(Notice notice);
}
