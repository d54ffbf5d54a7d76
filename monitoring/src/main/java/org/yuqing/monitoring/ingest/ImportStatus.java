package org.yuqing.monitoring.ingest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The progress of a file import, answered by {@code POST /api/monitoring/imports} (202) and
 * {@code GET /api/monitoring/imports/{id}}.
 *
 * @param id         the import
 * @param fileName   the uploaded file's name, if it had one
 * @param format     {@code JSONL} or {@code CSV}
 * @param charset    the character set the file was read in ({@code UTF-8}, {@code GBK} or {@code GB18030})
 * @param state      {@code QUEUED}, {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param totalLines posts (non-blank lines, CSV rows) in the file
 * @param processed  of those, how many were handled so far
 * @param ingested   how many were taken in
 * @param failed     how many were rejected
 * @param errors     the first 1,000 rejected lines with why, in line order
 * @param message    why a failed import stopped early (the post store was unavailable), else absent
 * @param createdAt  when it was uploaded
 * @param finishedAt when it finished, else absent
 */
public record ImportStatus(UUID id, String fileName, String format, String charset, String state, int totalLines,
                           int processed, int ingested, int failed, List<LineError> errors, String message,
                           Instant createdAt, Instant finishedAt) {

    /**
     * A line the import rejected.
     *
     * @param line    its number in the file, 1-based (a CSV row's first line; the header is line 1)
     * @param message why
     */
    public record LineError(int line, String message) {
    }
}
