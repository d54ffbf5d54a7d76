package org.yuqing.publishing.statements;

import java.time.Instant;
import java.util.UUID;

/**
 * A statement in a list: no body, no approval detail; {@code scheduledAt} when a release is scheduled,
 * {@code withdrawnKind} ({@code RETRACTION} / {@code CORRECTION}) once taken back, {@code corrects} for a notice.
 */
record StatementSummary(UUID id, UUID caseId, StatementKind kind, String kindName, String title,
                        StatementState state, String createdBy, Instant createdAt, Instant updatedAt,
                        Instant publishedAt, String publicUrl, Instant scheduledAt, String withdrawnKind,
                        UUID corrects) {

    static StatementSummary of(StatementRow s) {
        return new StatementSummary(s.id(), s.caseId(), s.kind(), s.kind().chineseName(), s.title(), s.state(),
                s.createdBy(), s.createdAt(), s.updatedAt(), s.publishedAt(), s.publicUrl(), s.scheduledAt(),
                s.withdrawnKind(), s.corrects());
    }
}
