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
    REVIEW("总结评估时限"),
    /** 电话报告后报送书面报告的时限（如30分钟）; runs from a phone report until a written report follows. */
    WRITTEN_REPORT("书面报告时限"),
    /** 答复询问质疑的时限（当日答复）: for cases classified 询问质疑, until 23:59:59 Beijing time of the detection day. */
    INQUIRY_REPLY("答复时限"),
    /**
     * 续报时限: while a case is being handled (RESPONDING, TRACKING), the next progress update is due the plan's
     * interval after the last report or statement; it moves on with each update and is never "met".
     */
    PROGRESS_UPDATE("续报时限");

    private final String chineseName;

    ClockName(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The Chinese name shown to users. */
    public String chineseName() {
        return chineseName;
    }
}
