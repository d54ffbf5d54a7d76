package org.yuqing.ui.statements;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * The readable diff of two versions: one row per line with both line numbers, removed lines red, added lines green,
 * and within a changed line the characters removed struck through and those added underlined.
 */
class DiffPanel extends Div {

    private final PublishingTexts texts;

    DiffPanel(String id, PublishingTexts texts) {
        this.texts = texts;
        setId(id);
        setWidthFull();
        getStyle().set("font-family", "var(--lumo-font-family)").set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("padding", "var(--lumo-space-xs)");
    }

    /** Shows a notice instead of a diff. */
    void notice(String text) {
        removeAll();
        Span notice = new Span(text);
        notice.addClassName("diff-notice");
        add(notice);
    }

    /** Shows the diff. */
    void show(VersionDiff diff) {
        removeAll();
        Span summary = new Span(diff.identical()
                ? texts.text("publishing.diff.identical", diff.from(), diff.to())
                : texts.text("publishing.diff.summary", diff.from(), diff.to(),
                count(diff, "-"), count(diff, "+")));
        summary.addClassName("diff-summary");
        summary.getStyle().set("display", "block").set("font-weight", "600");
        add(summary);
        for (VersionDiff.Line line : diff.lines()) {
            add(row(line));
        }
    }

    private static long count(VersionDiff diff, String op) {
        return diff.lines().stream().filter(l -> op.equals(l.op())).count();
    }

    private Div row(VersionDiff.Line line) {
        Div row = new Div();
        String kind = switch (line.op()) {
            case "-" -> "removed";
            case "+" -> "added";
            default -> "kept";
        };
        row.addClassNames("diff-line", "diff-" + kind);
        row.getStyle().set("display", "flex").set("gap", "0.5em").set("white-space", "pre-wrap");
        if (!"kept".equals(kind)) {
            row.getStyle().set("background", "removed".equals(kind)
                    ? "var(--lumo-error-color-10pct)" : "var(--lumo-success-color-10pct)");
        }
        Span numbers = new Span(number(line.oldLine()) + " " + number(line.newLine()) + " " + line.op());
        numbers.getStyle().set("font-family", "monospace").set("color", "var(--lumo-secondary-text-color)")
                .set("flex", "none");
        Span text = new Span();
        text.addClassName("diff-text");
        if (line.inline() != null) {
            for (InlineDiff.Piece piece : InlineDiff.parse(line.inline())) {
                Span part = new Span(piece.text());
                switch (piece.kind()) {
                    case REMOVED -> {
                        part.addClassName("diff-del");
                        part.getStyle().set("text-decoration", "line-through")
                                .set("color", "var(--lumo-error-text-color)");
                    }
                    case ADDED -> {
                        part.addClassName("diff-ins");
                        part.getStyle().set("text-decoration", "underline").set("font-weight", "600")
                                .set("color", "var(--lumo-success-text-color)");
                    }
                    default -> {
                    }
                }
                text.add(part);
            }
        } else {
            text.setText(line.text().isEmpty() ? " " : line.text());
        }
        row.add(numbers, text);
        return row;
    }

    private static String number(Integer n) {
        String s = n == null ? "" : Integer.toString(n);
        return " ".repeat(Math.max(0, 3 - s.length())) + s;
    }
}
