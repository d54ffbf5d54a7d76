package org.yuqing.publishing.statements;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code statement_version}: one text the statement had, and who gave it that text when. */
record VersionRow(UUID statementId, int version, String title, String body, String contentHash, String editedBy,
                  Instant editedAt) {

    /** The master text as the diff compares it: the title, a blank line, then the body's lines. */
    java.util.List<String> lines() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add(title);
        lines.add("");
        lines.addAll(body.lines().toList());
        return lines;
    }
}
