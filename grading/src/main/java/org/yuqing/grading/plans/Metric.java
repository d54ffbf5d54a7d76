package org.yuqing.grading.plans;

import org.yuqing.domain.IncidentMetrics;

import java.util.function.ToLongFunction;

/**
 * A number of {@link IncidentMetrics} a plan condition can compare, with the words and unit the
 * reasons use. The {@code _24H} metrics count the rolling last 24 hours.
 */
public enum Metric {
    /** 舆情总量 (posts). */
    VOLUME("舆情总量", "篇", IncidentMetrics::volume),
    /** 24小时舆情量. */
    VOLUME_24H("24小时舆情量", "篇", IncidentMetrics::volume24h),
    /** 阅读量/点击量. */
    READS("阅读量", "次", IncidentMetrics::reads),
    /** 24小时阅读量 (日点击量). */
    READS_24H("24小时阅读量", "次", IncidentMetrics::reads24h),
    /** 评论量/跟帖量. */
    COMMENTS("评论量", "条", IncidentMetrics::comments),
    /** 24小时评论量. */
    COMMENTS_24H("24小时评论量", "条", IncidentMetrics::comments24h),
    /** 转发量. */
    REPOSTS("转发量", "次", IncidentMetrics::reposts),
    /** 24小时转发量. */
    REPOSTS_24H("24小时转发量", "次", IncidentMetrics::reposts24h),
    /** 涉及网站数. */
    DISTINCT_SITES("涉及网站", "个", IncidentMetrics::distinctSites),
    /** 主流媒体 outlets. */
    MAINSTREAM_OUTLETS("主流媒体", "家", IncidentMetrics::mainstreamOutlets),
    /** The most sites carrying one and the same statement (同一信息出现的网站数). */
    SITES_PER_STATEMENT("同一信息网站数", "个", IncidentMetrics::maxSitesPerStatement);

    private final String chineseName;
    private final String unit;
    private final ToLongFunction<IncidentMetrics> value;

    Metric(String chineseName, String unit, ToLongFunction<IncidentMetrics> value) {
        this.chineseName = chineseName;
        this.unit = unit;
        this.value = value;
    }

    /** The Chinese name used in reasons and the plan editor, e.g. 主流媒体. */
    public String chineseName() {
        return chineseName;
    }

    /** The counting unit (量词) used in reasons, e.g. 家. */
    public String unit() {
        return unit;
    }

    /** This metric's value in {@code metrics}. */
    public long valueIn(IncidentMetrics metrics) {
        return value.applyAsLong(metrics);
    }
}
