package org.yuqing.casework.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * A notice as a reader's inbox shows it.
 *
 * @param caseId the case it is about, or {@code null}
 * @param readAt when the reader first marked it read, or {@code null} while unread for them (UTC)
 * @param recipientLogin the one person it was sent to (a case's assignee), or {@code null} when sent to the unit's
 *                       role-holders
 */
public record Notification(long id, String recipientRole, String recipientUnit, UUID caseId, String text,
                           Instant createdAt, Instant readAt, String recipientLogin) {
}
