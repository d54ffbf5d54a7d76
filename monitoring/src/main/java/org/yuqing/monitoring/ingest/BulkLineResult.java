package org.yuqing.monitoring.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.UUID;

/**
 * The outcome of one line of a bulk submission: the post's id, or why the line was rejected.
 *
 * @param line  the line's number in the body, 1-based (blank lines count but get no result)
 * @param id    the post's id when the line was taken in, else absent
 * @param error why the line was rejected, else absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkLineResult(int line, UUID id, String error) {
}
