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
     * 超时未办: a deadline ran out unmet. Reserved for the escalation-chain work, which will append it
     * through {@link Ledger#append}; nothing records it yet.
     */
    DEADLINE_MISSED
}
