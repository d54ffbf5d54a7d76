package org.yuqing.publishing.statements;

import java.time.Instant;

/**
 * One version of a statement's text as {@code GET …/statements/{id}/versions} shows it.
 *
 * @param version     its number, 1 for the draft
 * @param title       the title it had
 * @param body        the body it had
 * @param contentHash the hash approvals of this text bind (master and renditions)
 * @param editedBy    who wrote it
 * @param editedAt    when (UTC)
 * @param current     whether it is the statement's text now
 */
record VersionView(int version, String title, String body, String contentHash, String editedBy, Instant editedAt,
                   boolean current) {

    static VersionView of(VersionRow v, String currentHash, int last) {
        return new VersionView(v.version(), v.title(), v.body(), v.contentHash(), v.editedBy(), v.editedAt(),
                v.version() == last && v.contentHash().equals(currentHash));
    }
}
