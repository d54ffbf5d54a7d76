package org.yuqing.publishing.statements;

/**
 * An approver's decision on one step of a statement's approval chain.
 */
public enum Decision {
    /** 同意. */
    APPROVE,
    /** 退回 (with a comment saying why). */
    REJECT
}
