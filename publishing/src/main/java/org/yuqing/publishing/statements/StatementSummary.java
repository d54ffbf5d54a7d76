package org.yuqing.publishing.statements;

import java.time.Instant;
import java.util.UUID;

/** A statement in a list: no body, no approval detail. */
record StatementSummary(UUID id, UUID caseId, StatementKind kind, String kindName, String title,
                        StatementState state, String createdBy, Instant createdAt, Instant updatedAt,
                        Instant publishedAt, String publicUrl) {

    static StatementSummary of(StatementRow s) {
        return new StatementSummary(s.id(), s.caseId(), s.kind(), s.kind().chineseName(), s.title(), s.state(),
                s.createdBy(), s.createdAt(), s.updatedAt(), s.publishedAt(), s.publicUrl());
    }
}
