package org.yuqing.domain;

/**
 * The class of an incident (分类处置), which decides what kind of response it gets.
 */
public enum Category {
    /** 询问、质疑、诉求: the responsible unit replies, the same day at the latest. */
    INQUIRY("询问质疑"),
    /** 恶意传播、炒作: publish facts and handling status. */
    HYPE("恶意炒作"),
    /** 捏造、歪曲、诽谤、煽动: clarify, request takedown, refer to police. */
    FABRICATION("捏造歪曲"),
    /** Suggestions with positive value: adopt and reply. */
    CONSTRUCTIVE("建设性意见"),
    /** Work-safety plan: valid criticism — face it, apologise, publish the handling result. */
    VALID_CRITICISM("合理批评"),
    /** Work-safety plan: tip-offs with unclear leads — respond, investigate, publish the result. */
    TIP_OFF("线索举报"),
    /** Not classified yet. */
    UNCLASSIFIED("未分类");

    private final String chineseName;

    Category(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The Chinese name shown to users. */
    public String chineseName() {
        return chineseName;
    }
}
