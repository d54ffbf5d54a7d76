package org.yuqing.publishing.statements;

import java.time.Instant;
import java.util.UUID;

/**
 * A published statement as the public sees it.
 *
 * @param id          the statement
 * @param kind        its kind
 * @param title       its title
 * @param body        its body, paragraphs separated by newlines (plain text, not HTML)
 * @param publishedAt when it was released (UTC)
 * @param publicUrl   its public page
 */
public record PublicStatement(UUID id, StatementKind kind, String title, String body, Instant publishedAt,
                              String publicUrl) {
}
