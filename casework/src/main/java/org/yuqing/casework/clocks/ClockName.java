package org.yuqing.casework.clocks;

/**
 * The deadlines a case tracks. Their lengths are plan data ({@link org.yuqing.domain.ResponseTerms});
 * this names which obligation a clock measures.
 */
public enum ClockName {
    /** 向领导和网信部门报告的时限. */
    REPORT("上报时限"),
    /** 首次公开发声的时限（黄金24小时）. */
    FIRST_STATEMENT("首次发声时限"),
    /** 平息后提交书面总结评估的时限（如平息后3日内）; runs only while a case is subsided. */
    REVIEW("总结评估时限");

    private final String chineseName;

    ClockName(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The Chinese name shown to users. */
    public String chineseName() {
        return chineseName;
    }
}
