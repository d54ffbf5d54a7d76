package org.yuqing.casework.notifications;

import java.util.Objects;
import java.util.UUID;

/**
 * One notice to send.
 *
 * @param recipientRole who in the unit receives it, e.g. {@code ASSIGNEE} (经办人), {@code UNIT_HEAD} (单位负责人)
 * @param recipientUnit the unit (单位) whose role-holder receives it
 * @param caseId        the case it is about, or {@code null}
 * @param text          the message, in Chinese
 */
public record Notice(String recipientRole, String recipientUnit, UUID caseId, String text) {

    public Notice {
        Objects.requireNonNull(recipientRole, "recipientRole");
        Objects.requireNonNull(recipientUnit, "recipientUnit");
        Objects.requireNonNull(text, "text");
    }
}
