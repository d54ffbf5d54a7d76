package org.yuqing.casework.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * Configuration under {@code yuqing.casework}.
 *
 * @param planNames the display name of each response plan by plan id (e.g. {@code district} →
 *                  区网络舆情处置工作应急预案), used in timeline summaries; an unknown id is shown as is
 */
@ConfigurationProperties("yuqing.casework")
public record CaseworkProperties(Map<String, String> planNames) {

    public CaseworkProperties {
        planNames = planNames == null ? Map.of() : Map.copyOf(planNames);
    }

    /** The display name of a plan, or a neutral label with its id when none is configured. */
    public String planName(String planId) {
        return planNames.getOrDefault(planId, "预案 " + planId);
    }
}
