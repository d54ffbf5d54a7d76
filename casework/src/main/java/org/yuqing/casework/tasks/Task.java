package org.yuqing.casework.tasks;

import java.time.Instant;
import java.util.UUID;

/**
 * A task as stored and shown on its case. Instants are UTC.
 *
 * @param unitId      the unit that is to do it
 * @param dueAt       when it is to be done
 * @param completedBy who completed it, or {@code null} while open
 * @param completedAt when, or {@code null} while open
 */
record Task(UUID id, UUID caseId, String unitId, String title, Instant dueAt, String createdBy, Instant createdAt,
            String completedBy, Instant completedAt) {

    boolean isOpen() {
        return completedAt == null;
    }

    /** Whether, at {@code now}, it is open and past its due instant (the due instant itself is still in time). */
    boolean isOverdueAt(Instant now) {
        return isOpen() && now.isAfter(dueAt);
    }
}
