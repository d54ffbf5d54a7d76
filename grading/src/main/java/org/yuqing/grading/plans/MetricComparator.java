package org.yuqing.grading.plans;

/**
 * How a metric is compared with a plan's threshold, in Chinese legal usage: 以上 and 以下 include
 * the number itself, 超过 and 不满 exclude it.
 */
public enum MetricComparator {
    /** 以上: at least, ≥. */
    AT_LEAST("≥", "以上"),
    /** 超过: more than, &gt;. */
    MORE_THAN(">", "超过"),
    /** 以下: at most, ≤. */
    AT_MOST("≤", "以下"),
    /** 不满: less than, &lt;. */
    LESS_THAN("<", "不满");

    private final String symbol;
    private final String chineseWord;

    MetricComparator(String symbol, String chineseWord) {
        this.symbol = symbol;
        this.chineseWord = chineseWord;
    }

    /** Whether {@code actual} satisfies this comparison with {@code threshold}. */
    public boolean test(long actual, long threshold) {
        return switch (this) {
            case AT_LEAST -> actual >= threshold;
            case MORE_THAN -> actual > threshold;
            case AT_MOST -> actual <= threshold;
            case LESS_THAN -> actual < threshold;
        };
    }

    /** The mathematical symbol reasons show, e.g. ≥. */
    public String symbol() {
        return symbol;
    }

    /** The word the plans use, e.g. 以上. */
    public String chineseWord() {
        return chineseWord;
    }
}
