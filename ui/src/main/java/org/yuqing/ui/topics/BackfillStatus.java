package org.yuqing.ui.topics;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The progress of a backfill (回溯), as monitoring's {@code JobStatus} answers {@code POST
 * /api/monitoring/topics/{id}/backfill} and {@code GET /api/monitoring/topics/{id}/backfills/{jobId}}.
 *
 * @param id         the job
 * @param topicId    the topic run over history
 * @param state      {@code QUEUED}, {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param total      posts to go through (known once it runs)
 * @param processed  posts gone through so far
 * @param matched    posts added to the topic and its incidents
 * @param errors     posts that failed (the job goes on without them)
 * @param message    the first post's error, or why a failed job stopped; else {@code null}
 * @param createdAt  when it was started
 * @param finishedAt when it finished, else {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BackfillStatus(String id, String topicId, String state, long total, long processed, long matched,
                             long errors, String message, Instant createdAt, Instant finishedAt) {

    /** @return whether the job has ended, well or not */
    boolean finished() {
        return "DONE".equals(state) || "FAILED".equals(state);
    }

    /** @return the share done, 0..1 (0 while the total is unknown) */
    double fraction() {
        return total <= 0 ? (finished() ? 1 : 0) : Math.min(1, (double) processed / total);
    }
}
