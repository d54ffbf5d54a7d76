package org.yuqing.publishing.statements;

import java.util.UUID;

/**
 * Published inside the transaction that queued releases for the delivery worker; once it commits, the scheduled
 * worker runs at once instead of at its next poll.
 *
 * @param statementId the statement released
 */
record ReleasesQueued(UUID statementId) {
}
