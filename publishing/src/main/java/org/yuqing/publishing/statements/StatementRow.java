package org.yuqing.publishing.statements;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code statement}. */
record StatementRow(UUID id, UUID caseId, StatementKind kind, String title, String body, StatementState state,
                    String contentHash, String createdBy, Instant createdAt, Instant updatedAt, Instant publishedAt,
                    String publicUrl) {
}
