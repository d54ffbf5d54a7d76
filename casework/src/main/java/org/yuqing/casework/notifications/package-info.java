/**
 * Notifications (通知): the {@link org.yuqing.casework.notifications.Notifier} seam the escalation chain sends
 * through, and the in-app inbox (站内通知) that is its first adapter, with its API.
 */
package org.yuqing.casework.notifications;
