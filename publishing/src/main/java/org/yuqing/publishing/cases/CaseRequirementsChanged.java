package org.yuqing.publishing.cases;

import java.util.UUID;

/**
 * In-process notice that a case's level or required approvals were (re)recorded; published inside
 * the transaction that applied the upstream event, so reactions commit with it.
 *
 * @param caseId the case
 */
public record CaseRequirementsChanged(UUID caseId) {
}
