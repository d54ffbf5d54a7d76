package org.yuqing.ui.statements;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What changed between two versions ({@code GET …/statements/{id}/versions/{a}/diff/{b}}): the title, a blank line,
 * then the body, line by line.
 *
 * @param statementId the statement
 * @param from        older version number
 * @param to          newer version number
 * @param fromHash    content hash of {@code from}
 * @param toHash      content hash of {@code to}
 * @param identical   whether the texts are the same
 * @param unified     the unified diff text
 * @param lines       every line of both sides
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VersionDiff(String statementId, int from, int to, String fromHash, String toHash, boolean identical,
                          String unified, List<Line> lines) {

    /** Normalises a missing list. */
    public VersionDiff {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * One line.
     *
     * @param op      {@code " "} kept, {@code "-"} only in the older version, {@code "+"} only in the newer
     * @param oldLine its number in the older version, {@code null} for an added line
     * @param newLine its number in the newer version, {@code null} for a removed line
     * @param text    the line
     * @param inline  for a line replacing another: the changed characters, {@code [-删去-]} and {@code {+新增+}}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(String op, Integer oldLine, Integer newLine, String text, String inline) {
    }
}
