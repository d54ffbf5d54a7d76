package org.yuqing.casework.cases;

/** What a timeline entry records. Stored by name. */
enum TimelineKind {
    /** 立案. */
    CASE_OPENED,
    /** 升级. */
    ESCALATED,
    /** 研判结果更新 without a level rise (e.g. a new category). */
    REGRADED,
    /** 报告. */
    REPORTED,
    /** 发布声明. */
    STATEMENT_PUBLISHED
}
