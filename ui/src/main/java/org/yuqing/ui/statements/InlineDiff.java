package org.yuqing.ui.statements;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the character-level diff of a changed line as the publishing service marks it: kept text plain,
 * {@code [-删去-]} removed, {@code {+新增+}} added.
 */
final class InlineDiff {

    /** What a piece of the line is. */
    enum Kind { KEPT, REMOVED, ADDED }

    /**
     * One piece of the line.
     *
     * @param kind kept, removed or added
     * @param text its characters
     */
    record Piece(Kind kind, String text) {
    }

    private InlineDiff() {
    }

    /**
     * @param marked a line marked {@code [-…-]} / {@code {+…+}}
     * @return its pieces in order; an unclosed marker is read as kept text
     */
    static List<Piece> parse(String marked) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder kept = new StringBuilder();
        int i = 0;
        while (i < marked.length()) {
            Kind kind = marked.startsWith("[-", i) ? Kind.REMOVED : marked.startsWith("{+", i) ? Kind.ADDED : null;
            int end = kind == null ? -1 : marked.indexOf(kind == Kind.REMOVED ? "-]" : "+}", i + 2);
            if (end < 0) {
                kept.append(marked.charAt(i));
                i++;
                continue;
            }
            if (!kept.isEmpty()) {
                pieces.add(new Piece(Kind.KEPT, kept.toString()));
                kept.setLength(0);
            }
            pieces.add(new Piece(kind, marked.substring(i + 2, end)));
            i = end + 2;
        }
        if (!kept.isEmpty()) {
            pieces.add(new Piece(Kind.KEPT, kept.toString()));
        }
        return pieces;
    }
}
