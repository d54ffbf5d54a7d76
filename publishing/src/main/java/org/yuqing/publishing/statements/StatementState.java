package org.yuqing.publishing.statements;

/**
 * Where a statement stands.
 */
public enum StatementState {
    /** 草稿: still missing an approval of its current text. */
    DRAFT("草稿"),
    /** 已审定: every approval the case requires binds the current text. */
    APPROVED("已审定"),
    /** 已发布: released; the text is frozen. */
    PUBLISHED("已发布");

    private final String chineseName;

    StatementState(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The Chinese name shown to users. */
    public String chineseName() {
        return chineseName;
    }
}
