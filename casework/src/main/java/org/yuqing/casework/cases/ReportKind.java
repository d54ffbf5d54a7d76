package org.yuqing.casework.cases;

/** How a report to leadership went out (报告方式). */
enum ReportKind {
    /** 电话报告: urgent cases are phoned in first, then reported in writing. */
    PHONE("电话报告"),
    /** 书面报告. */
    WRITTEN("书面报告"),
    /** 舆情专报: the special report for major incidents. */
    SPECIAL("舆情专报");

    private final String chineseName;

    ReportKind(String chineseName) {
        this.chineseName = chineseName;
    }

    String chineseName() {
        return chineseName;
    }
}
