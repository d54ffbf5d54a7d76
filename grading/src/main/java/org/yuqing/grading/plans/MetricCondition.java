package org.yuqing.grading.plans;

import java.util.Objects;

/**
 * A metric of the incident compared with a threshold, e.g. volume {@code MORE_THAN} 500 (超过500).
 *
 * @param metric     the metric
 * @param comparator how it is compared, in the Chinese legal sense (以上 includes the number)
 * @param value      the threshold; a negative one is refused by {@link PlanValidator}, which names its level
 * @param section    the plan section, e.g. 六(三)3
 * @param note       how the threshold reads the plan; may be {@code null}
 */
public record MetricCondition(Metric metric, MetricComparator comparator, long value, String section, String note)
        implements Condition {

    public MetricCondition {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparator, "comparator");
    }
}
