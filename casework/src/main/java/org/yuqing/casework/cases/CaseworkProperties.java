package org.yuqing.casework.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * Configuration under {@code yuqing.casework}.
 *
 * @param planNames               the display name of each response plan by plan id (e.g. {@code district} →
 *                                区网络舆情处置工作应急预案), used in timeline summaries; an unknown id is shown as is
 * @param progressUpdateEvery     how long after the last report or statement a case being handled (RESPONDING,
 *                                TRACKING) owes its next progress update (续报), for plans not listed below; 24 h
 *                                by default. Plan data the grade's terms do not carry yet, so it is configured here
 * @param planProgressUpdateEvery the interval of a plan, by plan id (e.g. {@code district: 12h}), overriding the above
 */
@ConfigurationProperties("yuqing.casework")
public record CaseworkProperties(Map<String, String> planNames, Duration progressUpdateEvery,
                                 Map<String, Duration> planProgressUpdateEvery) {

    public CaseworkProperties {
        planNames = planNames == null ? Map.of() : Map.copyOf(planNames);
        progressUpdateEvery = progressUpdateEvery == null ? DefaultTerms.PROGRESS_UPDATE_EVERY : progressUpdateEvery;
        planProgressUpdateEvery = planProgressUpdateEvery == null ? Map.of() : Map.copyOf(planProgressUpdateEvery);
        if (progressUpdateEvery.isNegative() || progressUpdateEvery.isZero()
                || planProgressUpdateEvery.values().stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("yuqing.casework: progress update intervals must be positive");
        }
    }

    /** The display name of a plan, or a neutral label with its id when none is configured. */
    public String planName(String planId) {
        return planNames.getOrDefault(planId, "预案 " + planId);
    }

    /** The progress-update interval (续报间隔) of a plan. */
    public Duration progressUpdateEvery(String planId) {
        return planProgressUpdateEvery.getOrDefault(planId, progressUpdateEvery);
    }
}
