package org.yuqing.casework.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * A notice in the inbox as stored.
 *
 * @param caseId the case it is about, or {@code null}
 * @param readAt when it was first marked read, or {@code null} while unread (UTC)
 */
public record Notification(long id, String recipientRole, String recipientUnit, UUID caseId, String text,
                           Instant createdAt, Instant readAt) {
}
