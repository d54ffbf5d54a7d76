package org.yuqing.publishing.statements;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Line diff of two texts (Myers' O(ND) algorithm), as unified-diff lines, with a character-level diff of each
 * changed line paired with its replacement ({@code [-删去-]{+新增+}}): Chinese paragraphs are long lines, and a
 * reviewer must see which characters of one changed.
 */
final class TextDiff {

    /** Unchanged lines shown around each change in the unified form. */
    static final int CONTEXT = 3;
    /** Beyond this many differing lines (or characters, inline) the diff shows a whole replacement. */
    static final int MAX_EDITS = 1000;

    private TextDiff() {
    }

    /** One edit: {@code op} is {@code ' '} (kept), {@code '-'} (removed) or {@code '+'} (added). */
    record Edit(char op, int oldIndex, int newIndex, String text) {
    }

    /**
     * One line of the diff.
     *
     * @param op      {@code " "} kept, {@code "-"} only in the older version, {@code "+"} only in the newer one
     * @param oldLine its line number in the older version (1-based), {@code null} for an added line
     * @param newLine its line number in the newer version (1-based), {@code null} for a removed line
     * @param text    the line
     * @param inline  for an added line replacing a removed one: the characters changed between them, marked
     *                {@code [-…-]} and {@code {+…+}}; otherwise {@code null}
     */
    record Line(String op, Integer oldLine, Integer newLine, String text, String inline) {
    }

    /** The edits turning {@code a} into {@code b}, in order. */
    static List<Edit> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> snapshots = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            if (d > MAX_EDITS) {
                return replacement(a, b);
            }
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                        ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    snapshots.add(slice(v, offset, d));
                    return backtrack(a, b, snapshots, d);
                }
            }
            snapshots.add(slice(v, offset, d));
        }
        throw new IllegalStateException("Myers' diff ends by d = n + m");
    }

    /** The diff of two texts line by line, every line with its numbers and, where one replaces another, inline. */
    static List<Line> lines(List<String> a, List<String> b) {
        List<Edit> edits = edits(a, b);
        List<Line> lines = new ArrayList<>();
        int i = 0;
        while (i < edits.size()) {
            Edit e = edits.get(i);
            if (e.op() == ' ') {
                lines.add(new Line(" ", e.oldIndex() + 1, e.newIndex() + 1, e.text(), null));
                i++;
                continue;
            }
            int removedEnd = i;
            while (removedEnd < edits.size() && edits.get(removedEnd).op() == '-') {
                removedEnd++;
            }
            int addedEnd = removedEnd;
            while (addedEnd < edits.size() && edits.get(addedEnd).op() == '+') {
                addedEnd++;
            }
            List<Edit> removed = edits.subList(i, removedEnd);
            List<Edit> added = edits.subList(removedEnd, addedEnd);
            for (Edit r : removed) {
                lines.add(new Line("-", r.oldIndex() + 1, null, r.text(), null));
            }
            for (int j = 0; j < added.size(); j++) {
                Edit add = added.get(j);
                String inline = j < removed.size() ? inline(removed.get(j).text(), add.text()) : null;
                lines.add(new Line("+", null, add.newIndex() + 1, add.text(), inline));
            }
            i = addedEnd;
        }
        return lines;
    }

    /**
     * The diff in unified form: {@code --- older} / {@code +++ newer} headers, then hunks {@code @@ -a,b +c,d @@}
     * with {@value #CONTEXT} lines of context; empty when the texts are equal.
     */
    static String unified(List<Line> lines, String olderName, String newerName) {
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).op().equals(" ")) {
                changed.add(i);
            }
        }
        if (changed.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- ").append(olderName).append('\n')
                .append("+++ ").append(newerName).append('\n');
        int c = 0;
        while (c < changed.size()) {
            int start = Math.max(0, changed.get(c) - CONTEXT);
            int end = Math.min(lines.size(), changed.get(c) + CONTEXT + 1);
            c++;
            while (c < changed.size() && changed.get(c) - CONTEXT <= end) {
                end = Math.min(lines.size(), changed.get(c) + CONTEXT + 1);
                c++;
            }
            List<Line> hunk = lines.subList(start, end);
            int oldCount = (int) hunk.stream().filter(l -> l.oldLine() != null).count();
            int newCount = (int) hunk.stream().filter(l -> l.newLine() != null).count();
            int oldBefore = (int) lines.subList(0, start).stream().filter(l -> l.oldLine() != null).count();
            int newBefore = (int) lines.subList(0, start).stream().filter(l -> l.newLine() != null).count();
            out.append("@@ -").append(range(oldBefore, oldCount)).append(" +").append(range(newBefore, newCount))
                    .append(" @@\n");
            for (Line l : hunk) {
                out.append(l.op()).append(l.text()).append('\n');
            }
        }
        return out.toString();
    }

    /** The characters changed from {@code a} to {@code b}: kept text plain, {@code [-removed-]}, {@code {+added+}}. */
    static String inline(String a, String b) {
        List<Edit> edits = edits(codePoints(a), codePoints(b));
        StringBuilder out = new StringBuilder();
        char open = ' ';
        for (Edit e : edits) {
            if (e.op() != open) {
                close(out, open);
                if (e.op() == '-') {
                    out.append("[-");
                } else if (e.op() == '+') {
                    out.append("{+");
                }
                open = e.op();
            }
            out.append(e.text());
        }
        close(out, open);
        return out.toString();
    }

    private static void close(StringBuilder out, char open) {
        if (open == '-') {
            out.append("-]");
        } else if (open == '+') {
            out.append("+}");
        }
    }

    private static String range(int before, int count) {
        // unified diff: an empty range names the line before it
        return count == 0 ? before + ",0" : (before + 1) + "," + count;
    }

    private static List<String> codePoints(String s) {
        return s.codePoints().mapToObj(Character::toString).toList();
    }

    private static int[] slice(int[] v, int offset, int d) {
        int[] s = new int[2 * d + 1];
        System.arraycopy(v, offset - d, s, 0, 2 * d + 1);
        return s;
    }

    private static int at(int[] slice, int d, int k) {
        return slice[k + d];
    }

    private static List<Edit> backtrack(List<String> a, List<String> b, List<int[]> snapshots, int dEnd) {
        List<Edit> edits = new ArrayList<>();
        int x = a.size();
        int y = b.size();
        for (int d = dEnd; d > 0; d--) {
            int[] before = snapshots.get(d - 1);
            int k = x - y;
            int prevK = k == -d || (k != d && at(before, d - 1, k - 1) < at(before, d - 1, k + 1)) ? k + 1 : k - 1;
            int prevX = at(before, d - 1, prevK);
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                x--;
                y--;
                edits.add(new Edit(' ', x, y, a.get(x)));
            }
            if (x == prevX) {
                edits.add(new Edit('+', x, prevY, b.get(prevY)));
            } else {
                edits.add(new Edit('-', prevX, y, a.get(prevX)));
            }
            x = prevX;
            y = prevY;
        }
        while (x > 0 && y > 0) {
            x--;
            y--;
            edits.add(new Edit(' ', x, y, a.get(x)));
        }
        Collections.reverse(edits);
        return edits;
    }

    private static List<Edit> replacement(List<String> a, List<String> b) {
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            edits.add(new Edit('-', i, 0, a.get(i)));
        }
        for (int j = 0; j < b.size(); j++) {
            edits.add(new Edit('+', a.size(), j, b.get(j)));
        }
        return edits;
    }
}
