package org.yuqing.publishing.statements;

import org.yuqing.publishing.renditions.Rendition;

import java.util.List;
import java.util.UUID;

/**
 * A statement's master text and every channel's rendition of it, side by side ({@code …/statements/{id}/renditions}).
 *
 * @param statementId the statement
 * @param kind        its kind
 * @param title       the master title
 * @param body        the master body
 * @param contentHash the hash of master and renditions that approvals bind (equal to the statement's)
 * @param renditions  one per channel: website, email, sms, microblog, wechat, robot
 */
record RenditionsView(UUID statementId, StatementKind kind, String title, String body, String contentHash,
                      List<Rendition> renditions) {
}
