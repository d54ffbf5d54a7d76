package org.yuqing.ui.cases;

import java.time.Instant;

import com.vaadin.flow.component.html.Span;

/**
 * The small pieces every casework page draws the same way: a countdown coloured as {@link Countdown} says (red when
 * overdue, amber in the last half hour) and a level badge in the colours the plans use for 特别重大 (red), 重大
 * (orange), 较大 (yellow) and 一般 (blue).
 */
final class CaseVisuals {

    private CaseVisuals() {
    }

    /** A view's translation of a message key with parameters. */
    @FunctionalInterface
    interface Translate {

        /**
         * @param key    message key
         * @param params its parameters
         * @return the text in the page's language
         */
        String text(String key, Object... params);
    }

    /**
     * 剩余… or 已超时…, classed {@code countdown} and {@code countdown-overdue|soon|pending}.
     *
     * @param due the deadline
     * @param now the moment to count from
     * @param t   the page's translation
     * @return the text
     */
    static Span countdown(Instant due, Instant now, Translate t) {
        Countdown countdown = Countdown.until(due, now);
        Span state = new Span(t.text(countdown.phraseKey(),
                t.text(countdown.durationKey(), countdown.hours(), countdown.minutes())));
        state.getStyle().set("color", countdown.color());
        if (countdown.overdue() || countdown.soon()) {
            state.getStyle().set("font-weight", "600");
        }
        state.addClassNames("countdown", countdown.stateClass());
        return state;
    }

    /**
     * The level as a coloured badge, classed {@code level-<CODE>}.
     *
     * @param level the level code, may be {@code null}
     * @param text  the level's name as shown
     * @return the badge
     */
    static Span levelBadge(String level, String text) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge");
        badge.addClassName("level-" + level);
        badge.getStyle().set("background-color", levelColor(level)).set("color", "white")
                .set("padding", "0 0.5em").set("border-radius", "var(--lumo-border-radius-s, 4px)")
                .set("font-size", "0.8125rem").set("font-weight", "600").set("white-space", "nowrap");
        return badge;
    }

    /**
     * The colour of a level, as the plans colour their warnings.
     *
     * @param level the level code, may be {@code null}
     * @return a CSS colour
     */
    static String levelColor(String level) {
        if (level == null) {
            return "#6b7280";
        }
        return switch (level) {
            case "EXTRAORDINARY" -> "#c62828";
            case "MAJOR" -> "#e65100";
            case "SERIOUS" -> "#b58900";
            case "GENERAL" -> "#1565c0";
            default -> "#6b7280";
        };
    }
}
