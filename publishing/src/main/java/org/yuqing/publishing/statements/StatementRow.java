package org.yuqing.publishing.statements;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code statement}.
 *
 * @param scheduledAt      when it is to be released by the scheduler, {@code null} when not scheduled
 * @param scheduledBy      the publisher who scheduled it
 * @param scheduleRefusal  why the last scheduled release was refused, {@code null} when none was
 * @param corrects         for a correction notice (更正说明): the statement it corrects
 * @param correctionReason for a correction notice: what was wrong, as the publisher recorded it
 * @param withdrawnKind    {@code RETRACTION} or {@code CORRECTION} once the published statement was taken back
 * @param withdrawnReason  why
 * @param withdrawnBy      who
 * @param withdrawnAt      when
 * @param withdrawnNotice  the published correction notice, for a correction
 */
record StatementRow(UUID id, UUID caseId, StatementKind kind, String title, String body, StatementState state,
                    String contentHash, String createdBy, Instant createdAt, Instant updatedAt, Instant publishedAt,
                    String publicUrl, Instant scheduledAt, String scheduledBy, String scheduleRefusal, UUID corrects,
                    String correctionReason, String withdrawnKind, String withdrawnReason, String withdrawnBy,
                    Instant withdrawnAt, UUID withdrawnNotice) {

    /** A new draft: nothing scheduled, corrected or withdrawn. */
    static StatementRow draft(UUID id, UUID caseId, StatementKind kind, StatementText text, StatementState state,
                              String contentHash, String createdBy, Instant at, UUID corrects, String correctionReason) {
        return new StatementRow(id, caseId, kind, text.title(), text.body(), state, contentHash, createdBy, at, at,
                null, null, null, null, null, corrects, correctionReason, null, null, null, null, null);
    }

    /** Whether it was published and then retracted or corrected. */
    boolean withdrawn() {
        return withdrawnKind != null;
    }
}
