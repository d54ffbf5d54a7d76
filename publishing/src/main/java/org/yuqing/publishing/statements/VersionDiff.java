package org.yuqing.publishing.statements;

import java.util.List;
import java.util.UUID;

/**
 * What changed in the master text between two versions of a statement ({@code …/versions/{a}/diff/{b}}). The text
 * compared is the title, a blank line, then the body, line by line (a line is a paragraph).
 *
 * @param statementId the statement
 * @param from        the older side's version number ({@code a})
 * @param to          the newer side's version number ({@code b})
 * @param fromHash    the content hash of {@code from}
 * @param toHash      the content hash of {@code to}
 * @param identical   whether the two master texts are the same
 * @param unified     the diff in unified form ({@code ---}/{@code +++}, {@code @@} hunks, lines prefixed
 *                    {@code ' '}, {@code -}, {@code +}); empty when identical
 * @param lines       every line of both sides with its numbers and, for a changed line, the characters that changed
 */
record VersionDiff(UUID statementId, int from, int to, String fromHash, String toHash, boolean identical,
                   String unified, List<TextDiff.Line> lines) {

    static VersionDiff between(VersionRow a, VersionRow b) {
        List<TextDiff.Line> lines = TextDiff.lines(a.lines(), b.lines());
        String unified = TextDiff.unified(lines, "第" + a.version() + "版", "第" + b.version() + "版");
        return new VersionDiff(a.statementId(), a.version(), b.version(), a.contentHash(), b.contentHash(),
                unified.isEmpty(), unified, lines);
    }
}
