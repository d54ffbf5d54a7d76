package org.yuqing.casework.attachments;

import java.time.Instant;
import java.util.UUID;

/**
 * A file attached to a case, without its bytes.
 *
 * @param sha256 the SHA-256 of the bytes as uploaded (32 bytes)
 */
record Attachment(UUID id, UUID caseId, String fileName, String contentType, long size, byte[] sha256,
                  String uploadedBy, Instant uploadedAt) {
}
