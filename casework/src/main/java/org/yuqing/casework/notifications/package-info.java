/**
 * Notifications (通知): the {@link org.yuqing.casework.notifications.Notifier} seam the escalation chain sends
 * through, the in-app inbox (站内通知) with its API, and the outside deliveries of each notice — email over SMTP, an
 * SMS gateway over HTTP, WeCom and DingTalk group robots — planned with the notice, sent after commit, logged, retried
 * with backoff and retryable by hand (通知投递记录).
 */
package org.yuqing.casework.notifications;
