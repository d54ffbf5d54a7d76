package org.yuqing.monitoring.incidents;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Configuration of the negative lexicon under {@code yuqing.monitoring.negative}.
 *
 * @param words the lexicon until an administrator sets one through the API (a default Chinese list when absent)
 */
@ConfigurationProperties("yuqing.monitoring.negative")
public record NegativeLexiconProperties(List<String> words) {

    /** The default lexicon: accidents, harm, conflict and distrust, as 舆情 offices count them. */
    public static final List<String> DEFAULT_WORDS = List.of("爆炸", "泄漏", "起火", "火灾", "坍塌", "事故", "死亡",
            "遇难", "伤亡", "受伤", "中毒", "污染", "恶臭", "刺鼻", "投诉", "维权", "抗议", "愤怒", "不满", "质疑",
            "隐瞒", "瞒报", "谣言", "欺骗", "腐败", "失职", "渎职", "黑幕", "拖欠", "暴力", "冲突", "堵路", "恐慌",
            "无人回应", "不作为");

    public NegativeLexiconProperties {
        words = words == null || words.isEmpty() ? DEFAULT_WORDS : List.copyOf(words);
    }
}
