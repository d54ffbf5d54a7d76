package org.yuqing.publishing.statements;

import java.time.Instant;
import java.util.UUID;

/**
 * A published statement as the public sees it.
 *
 * @param id          the statement
 * @param kind        its kind
 * @param title       its title
 * @param body        its body, paragraphs separated by newlines (plain text, not HTML)
 * @param publishedAt when it was released (UTC)
 * @param publicUrl   its public page
 * @param corrects    for a correction notice: the statement it corrects, otherwise {@code null}
 * @param withdrawal  once retracted or corrected: how, why and when; otherwise {@code null}
 */
public record PublicStatement(UUID id, StatementKind kind, String title, String body, Instant publishedAt,
                              String publicUrl, UUID corrects, Withdrawal withdrawal) {

    /** When the entry last changed: its withdrawal, or else its release. */
    public Instant updatedAt() {
        return withdrawal == null ? publishedAt : withdrawal.at();
    }

    /**
     * How a published statement was taken back.
     *
     * @param corrected whether by a correction notice (更正) rather than a retraction (撤回)
     * @param reason    why, as the publisher recorded it
     * @param at        when
     * @param noticeId  the correction notice, {@code null} for a retraction
     */
    public record Withdrawal(boolean corrected, String reason, Instant at, UUID noticeId) {
    }
}
