package org.yuqing.casework.cases;

/** What a timeline entry records. Stored by name. */
public enum TimelineKind {
    /** 立案. */
    CASE_OPENED,
    /** 升级. */
    ESCALATED,
    /** 研判结果更新 without a level rise (e.g. a new category). */
    REGRADED,
    /** 报告. */
    REPORTED,
    /** 发布声明. */
    STATEMENT_PUBLISHED,
    /** 即将超时: a deadline runs out within the warning lead. */
    DEADLINE_WARNING,
    /** 超时未办: a deadline ran out unmet. */
    DEADLINE_MISSED,
    /** 流程推进: the case moved from one workflow state to another. */
    STATE_CHANGED,
    /** 总结评估: the post-incident review was recorded. */
    REVIEW_RECORDED,
    /** 交办任务: a task was given to a unit. */
    TASK_ASSIGNED,
    /** 任务办结: a task was completed. */
    TASK_COMPLETED,
    /** 批注: a comment on the case. */
    COMMENTED,
    /** 上传附件: a file was attached, with its SHA-256. */
    ATTACHMENT_ADDED,
    /** 声明审批通过: a step of a statement's approval chain approved it (publishing's StatementApproved). */
    STATEMENT_APPROVED,
    /** 声明审批退回: a step of a statement's approval chain rejected it (publishing's StatementApproved). */
    STATEMENT_REJECTED,
    /** 声明撤回/更正: a published statement was retracted or corrected (publishing's StatementWithdrawn). */
    STATEMENT_WITHDRAWN,
    /** 指派: the case's assignees (经办人) were set. */
    ASSIGNED
}
