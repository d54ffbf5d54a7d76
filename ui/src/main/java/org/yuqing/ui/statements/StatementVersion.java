package org.yuqing.ui.statements;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One version of a statement's text ({@code GET …/statements/{id}/versions}).
 *
 * @param version     its number, 1 for the draft
 * @param title       the title it had
 * @param body        the body it had
 * @param contentHash the hash approvals of this text bind
 * @param editedBy    who wrote it
 * @param editedAt    when
 * @param current     whether it is the statement's text now
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatementVersion(int version, String title, String body, String contentHash, String editedBy,
                               Instant editedAt, boolean current) {
}
