package org.yuqing.publishing.channels;

import java.time.Instant;
import java.util.UUID;

/**
 * One approved statement as it goes out to the channels: the same text for all of them.
 *
 * @param statementId the statement
 * @param caseId      its case
 * @param unitId      the owning unit
 * @param kind        the statement kind's name (e.g. {@code FACT_REPORT})
 * @param kindName    its Chinese name (e.g. 事实通报)
 * @param title       the approved title
 * @param body        the approved body, paragraphs separated by newlines
 * @param contentHash SHA-256 (hex) of the approved text
 * @param publicUrl   the statement's page on the public website
 * @param publishedAt the release time (UTC)
 */
public record Publication(UUID statementId, UUID caseId, String unitId, String kind, String kindName, String title,
                          String body, String contentHash, String publicUrl, Instant publishedAt) {
}
