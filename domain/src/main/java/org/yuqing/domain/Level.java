package org.yuqing.domain;

/**
 * The grade of an incident under a response plan (分级), from least to most severe. A plan may use
 * fewer levels (the enterprise plan has three); the order is fixed.
 */
public enum Level {
    /** 一般 (IV). */
    GENERAL("一般", "IV"),
    /** 较大 (III). */
    SERIOUS("较大", "III"),
    /** 重大 (II). */
    MAJOR("重大", "II"),
    /** 特别重大 (I). */
    EXTRAORDINARY("特别重大", "I");

    private final String chineseName;
    private final String roman;

    Level(String chineseName, String roman) {
        this.chineseName = chineseName;
        this.roman = roman;
    }

    /** The plans' Chinese name, e.g. 重大. */
    public String chineseName() {
        return chineseName;
    }

    /** The roman numeral the plans use, I being the most severe. */
    public String roman() {
        return roman;
    }

    /** Whether this level is more severe than {@code other}. */
    public boolean isAbove(Level other) {
        return compareTo(other) > 0;
    }

    /** The more severe of the two; {@code null} counts as below every level. */
    public static Level max(Level a, Level b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }
}
