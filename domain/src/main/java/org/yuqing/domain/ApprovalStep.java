package org.yuqing.domain;

/**
 * One approval a statement needs before release, in the order the plans chain them (审定).
 */
public enum ApprovalStep {
    /** 涉事单位 / 责任科室 负责人. */
    UNIT_HEAD("单位负责人"),
    /** 分管领导. */
    LEADER_IN_CHARGE("分管领导"),
    /** 主要领导. */
    MAIN_LEADER("主要领导");

    private final String chineseName;

    ApprovalStep(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The Chinese name shown to users. */
    public String chineseName() {
        return chineseName;
    }
}
