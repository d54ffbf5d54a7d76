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
 * @param recipientLogin the one person who receives it (a case's assignee, acting for {@code recipientUnit}), or
 *                      {@code null} for whoever holds the role in the unit
 */
public record Notice(String recipientRole, String recipientUnit, UUID caseId, String text, String recipientLogin) {

    public Notice {
        Objects.requireNonNull(recipientRole, "recipientRole");
        Objects.requireNonNull(recipientUnit, "recipientUnit");
        Objects.requireNonNull(text, "text");
    }

    /** A notice to whoever holds {@code recipientRole} in {@code recipientUnit}. */
    public Notice(String recipientRole, String recipientUnit, UUID caseId, String text) {
        this(recipientRole, recipientUnit, caseId, text, null);
    }

    /** A notice to one person, a case's assignee acting for {@code recipientUnit}. */
    public static Notice toPerson(String login, String recipientRole, String recipientUnit, UUID caseId, String text) {
        return new Notice(recipientRole, recipientUnit, caseId, text, Objects.requireNonNull(login, "login"));
    }
}
