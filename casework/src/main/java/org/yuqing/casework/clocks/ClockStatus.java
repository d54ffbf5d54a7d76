package org.yuqing.casework.clocks;

/**
 * Where a deadline clock stands at one moment. A miss stays on the record: a clock met after its
 * deadline is {@link #MET_LATE}, never {@link #MET}.
 */
public enum ClockStatus {
    /** 计时中: not met, not yet due. */
    RUNNING("计时中"),
    /** 按时完成: met at or before the deadline. */
    MET("按时完成"),
    /** 已超时: not met and past the deadline. */
    MISSED("已超时"),
    /** 超时完成: met, but after the deadline. */
    MET_LATE("超时完成");

    private final String chineseName;

    ClockStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The Chinese name shown to users. */
    public String chineseName() {
        return chineseName;
    }
}
