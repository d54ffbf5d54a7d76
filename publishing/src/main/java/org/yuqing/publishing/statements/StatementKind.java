package org.yuqing.publishing.statements;

/**
 * The kinds of official statement the plans name (快报事实、慎报原因、重报进展).
 */
public enum StatementKind {
    /** 事实通报. */
    FACT_REPORT("事实通报"),
    /** 原因说明. */
    CAUSE_STATEMENT("原因说明"),
    /** 进展通报 (续报). */
    PROGRESS_UPDATE("进展通报"),
    /** 辟谣. */
    RUMOUR_REBUTTAL("辟谣"),
    /** 声明. */
    FORMAL_STATEMENT("声明"),
    /** 新闻通稿. */
    PRESS_RELEASE("新闻通稿"),
    /** 跟帖回复. */
    POST_REPLY("跟帖回复"),
    /** 发布会通知. */
    PRESS_CONFERENCE_NOTICE("发布会通知"),
    /** 更正说明: corrects a published statement, linked both ways (drafted through {@code …/corrections}). */
    CORRECTION_NOTICE("更正说明");

    private final String chineseName;

    StatementKind(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The Chinese name shown to users and on the public site. */
    public String chineseName() {
        return chineseName;
    }
}
