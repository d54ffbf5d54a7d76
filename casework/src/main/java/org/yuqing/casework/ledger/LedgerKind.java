package org.yuqing.casework.ledger;

/** What a ledger entry records. Stored by name; never rename a constant once entries carry it. */
public enum LedgerKind {
    /** 立案: the case opened, with its level, the grade's reasons and the plan's terms. */
    CASE_OPENED,
    /** 升级: the incident rose to a higher level. */
    ESCALATED,
    /** 研判结果更新 without a level rise (e.g. a new category). */
    REGRADED,
    /** 报告: a report to leadership — how, to whom, when, on time or late. */
    REPORTED,
    /** 发布声明: a statement went out. */
    STATEMENT_PUBLISHED,
    /**
     * 超时未办: a deadline ran out unmet; appended by the deadline watcher.
     */
    DEADLINE_MISSED,
    /** 流程推进: the case moved from one workflow state to another — from, to, who, the note. */
    STATE_CHANGED,
    /** 总结评估: the post-incident review — its summary and lessons, on time or late. */
    REVIEW_RECORDED,
    /** 交办任务: a task given to a unit — to whom, what, by when, by whom. */
    TASK_ASSIGNED,
    /** 任务办结: a task completed — by whom, on time or late. */
    TASK_COMPLETED,
    /** 上传附件: a file attached to a case — its name, size and SHA-256. */
    ATTACHMENT_ADDED,
    /**
     * 声明审批通过: a step of a statement's approval chain approved it — who, which step, which version, the SHA-256
     * of the exact text approved, and whether this completed the chain the case's level requires.
     */
    STATEMENT_APPROVED,
    /** 声明审批退回: a step of a statement's approval chain rejected it — who, which step, the comment, the hash. */
    STATEMENT_REJECTED,
    /** 声明撤回/更正: a published statement was retracted, or corrected by a linked notice — who, why, when. */
    STATEMENT_WITHDRAWN,
    /** 指派: who works the case (经办人, by login and the unit each acts for), who set them, who worked it before. */
    ASSIGNED
}
