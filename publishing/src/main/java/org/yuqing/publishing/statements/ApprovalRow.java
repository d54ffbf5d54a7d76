package org.yuqing.publishing.statements;

import org.yuqing.domain.ApprovalStep;

import java.time.Instant;

/** A row of {@code approval}: one decision on one step, bound to the text it was made on. */
record ApprovalRow(long id, ApprovalStep step, Decision decision, String approver, String comment,
                   String contentHash, Instant at) {
}
