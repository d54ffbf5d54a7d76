package org.yuqing.casework.cases;

/**
 * Where a case stands in the response workflow (处置流程), in the order the plans run it.
 */
public enum CaseState {
    /** 发现: an incident is known but not assessed yet. */
    DETECTED("发现"),
    /** 研判: graded; being assessed. A case opened from a grade starts here. */
    ASSESSING("研判"),
    /** 已报告: reported to leadership and the cyberspace office. */
    REPORTED("已报告"),
    /** 会商: consulting on the response plan (处置方案). */
    CONSULTING("会商"),
    /** 处置回应: responding offline and online. */
    RESPONDING("处置回应"),
    /** 跟踪: watching until it subsides. */
    TRACKING("动态跟踪"),
    /** 平息: subsided; the review clock runs. */
    SUBSIDED("平息"),
    /** 总结评估: reviewed and closed. */
    REVIEWED("总结评估");

    private final String chineseName;

    CaseState(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The Chinese name shown to users. */
    public String chineseName() {
        return chineseName;
    }

    /** Whether this state comes before {@code other} in the workflow. */
    public boolean isBefore(CaseState other) {
        return compareTo(other) < 0;
    }
}
