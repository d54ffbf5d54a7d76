package org.yuqing.ui.cases;

import java.time.Instant;

/**
 * A notice of the user's in-app inbox (站内通知) as {@code GET /api/casework/notifications} lists it.
 *
 * @param id            notice id
 * @param recipientRole who in the unit it is for, e.g. {@code ASSIGNEE}
 * @param recipientUnit the unit it was sent to
 * @param caseId        the case it is about, {@code null} for none
 * @param text          the message, in Chinese
 * @param createdAt     when it was sent
 * @param readAt        when this user marked it read, {@code null} while unread
 * @param recipientLogin the one person it was sent to (a case's assignee), {@code null} when sent to the unit's
 *                      role-holders
 */
record InboxNotice(long id, String recipientRole, String recipientUnit, String caseId, String text,
                   Instant createdAt, Instant readAt, String recipientLogin) {
}
