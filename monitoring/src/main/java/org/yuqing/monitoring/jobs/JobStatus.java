package org.yuqing.monitoring.jobs;

import java.time.Instant;
import java.util.UUID;

/**
 * The progress of a background job, answered by its start (202) and its progress address.
 *
 * @param id         the job
 * @param kind       {@code BACKFILL} (a topic over history) or {@code REINDEX} (derived fields of stored posts)
 * @param topicId    the topic of a backfill, else absent
 * @param monthFrom  the first month ({@code yyyy-MM}, UTC) of a re-index, else absent
 * @param monthTo    the last month of a re-index, else absent
 * @param state      {@code QUEUED}, {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param total      posts the job has to go through (known once it runs)
 * @param processed  of those, how many it went through so far
 * @param matched    a backfill: posts added to the topic and its incidents; a re-index: posts that match a topic now
 * @param errors     posts that failed (the job goes on without them)
 * @param message    the first post's error, or why a failed job stopped; else absent
 * @param createdAt  when it was started
 * @param finishedAt when it finished, else absent
 */
public record JobStatus(UUID id, String kind, UUID topicId, String monthFrom, String monthTo, String state, long total,
                        long processed, long matched, long errors, String message, Instant createdAt,
                        Instant finishedAt) {
}
