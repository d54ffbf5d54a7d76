package org.yuqing.ui.sources;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The progress of a file import, as monitoring's {@code ImportStatus} answers {@code POST /api/monitoring/imports}
 * (202) and {@code GET /api/monitoring/imports/{id}}.
 *
 * @param id         the import
 * @param fileName   the uploaded file's name
 * @param format     {@code JSONL} or {@code CSV}
 * @param charset    the character set the file was read in
 * @param state      {@code QUEUED}, {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param totalLines posts in the file
 * @param processed  of those, handled so far
 * @param ingested   taken in
 * @param failed     rejected
 * @param errors     the first 1,000 rejected lines with why, in line order
 * @param message    why a failed import stopped early, else {@code null}
 * @param createdAt  when it was uploaded
 * @param finishedAt when it finished, else {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportProgress(String id, String fileName, String format, String charset, String state, int totalLines,
                             int processed, int ingested, int failed, List<LineError> errors, String message,
                             Instant createdAt, Instant finishedAt) {

    /** Normalises a missing error list to an empty one. */
    public ImportProgress {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** @return whether the import has ended, well or not */
    boolean finished() {
        return "DONE".equals(state) || "FAILED".equals(state);
    }

    /** @return the share done, 0..1 */
    double fraction() {
        return totalLines <= 0 ? (finished() ? 1 : 0) : Math.min(1, (double) processed / totalLines);
    }

    /**
     * A line the import rejected.
     *
     * @param line    its number in the file, 1-based
     * @param message why
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LineError(int line, String message) {
    }
}
