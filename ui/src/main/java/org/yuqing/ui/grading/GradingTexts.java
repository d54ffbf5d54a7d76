package org.yuqing.ui.grading;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.BiFunction;

import com.vaadin.flow.component.html.Span;
import org.yuqing.domain.Level;
import tools.jackson.databind.JsonNode;

/**
 * How the grading pages show levels, reasons, conditions and deadlines. Levels carry the colours of the emergency
 * warning scale (Ⅳ 蓝, Ⅲ 黄, Ⅱ 橙, Ⅰ 红).
 */
final class GradingTexts {

    /** The separator the grading service puts between a reason's condition and the plan section it cites. */
    static final String CITATION = " — ";

    private GradingTexts() {
    }

    /** A translation function of a view: key and parameters to text. */
    @FunctionalInterface
    interface Translate extends BiFunction<String, Object[], String> {

        default String text(String key, Object... parameters) {
            return apply(key, parameters);
        }
    }

    /**
     * The level as a coloured badge (class {@code level-badge} and {@code level-<LEVEL>}, attribute {@code data-level}).
     *
     * @param level a level, may be {@code null}
     * @param t     the view's translation
     * @return the badge
     */
    static Span badge(Level level, Translate t) {
        Span badge = new Span(level == null ? "—" : t.text("grading.level." + level.name()));
        if (level != null) {
            badge.addClassNames("level-badge", "level-" + level.name());
            badge.getElement().setAttribute("data-level", level.name());
            badge.getStyle().set("background", background(level)).set("color", level == Level.SERIOUS ? "#3d2e00" : "#fff")
                    .set("padding", "0.1em 0.6em").set("border-radius", "0.75em").set("font-weight", "600")
                    .set("white-space", "nowrap");
        }
        return badge;
    }

    /** The colour of a level: blue, yellow, orange, red. */
    static String background(Level level) {
        return switch (level) {
            case GENERAL -> "#1e6fd9";
            case SERIOUS -> "#f2c200";
            case MAJOR -> "#ef7d00";
            case EXTRAORDINARY -> "#d0021b";
        };
    }

    /**
     * A reason as the grading service words it, split into the condition with its numbers and what it cites.
     *
     * @param reason e.g. {@code 主流媒体 1 家 ≥ 1 — 区网络舆情处置工作应急预案 六(三)3}
     * @return condition and citation; the citation is empty when the reason cites nothing
     */
    static List<String> split(String reason) {
        int at = reason.lastIndexOf(CITATION);
        return at < 0 ? List.of(reason, "") : List.of(reason.substring(0, at), reason.substring(at + CITATION.length()));
    }

    /**
     * A duration of the plan's terms in words, e.g. {@code PT2H} → 2小时, {@code PT30M} → 30分钟.
     *
     * @param iso an ISO-8601 duration
     * @param t   the view's translation
     * @return the words, or the text as it is when it is not a duration
     */
    static String duration(String iso, Translate t) {
        if (iso == null) {
            return "—";
        }
        try {
            Duration duration = Duration.parse(iso);
            long hours = duration.toHours();
            long minutes = duration.toMinutesPart();
            if (hours > 0 && hours % 24 == 0 && minutes == 0 && hours > 24) {
                return t.text("grading.duration.days", hours / 24);
            }
            if (hours > 0 && minutes > 0) {
                return t.text("grading.duration.hoursMinutes", hours, minutes);
            }
            return hours > 0 ? t.text("grading.duration.hours", hours) : t.text("grading.duration.minutes", minutes);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /**
     * A condition of a stored plan in words, e.g. {@code 舆情总量 ≥ 51}, {@code 突发事件引发 且 有人员伤亡}.
     *
     * @param condition the condition's JSON ({@code type} metric, flags or allOf)
     * @param t         the view's translation
     * @return the words
     */
    static String condition(JsonNode condition, Translate t) {
        return switch (condition.path("type").asString("")) {
            case "metric" -> t.text("grading.metric." + condition.path("metric").asString()) + " "
                    + symbol(condition.path("comparator").asString()) + " " + condition.path("value").asLong();
            case "flags" -> String.join(t.text("grading.and"), condition.path("flags").valueStream()
                    .map(f -> t.text("grading.flag." + f.asString())).toList());
            case "allOf" -> String.join(t.text("grading.and"), condition.path("conditions").valueStream()
                    .map(c -> condition(c, t)).toList());
            default -> condition.toString();
        };
    }

    private static String symbol(String comparator) {
        return switch (comparator) {
            case "AT_LEAST" -> "≥";
            case "MORE_THAN" -> ">";
            case "AT_MOST" -> "≤";
            case "LESS_THAN" -> "<";
            default -> comparator;
        };
    }
}
