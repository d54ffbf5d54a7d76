package org.yuqing.grading.plans;

import org.yuqing.domain.IncidentFlag;

/** The Chinese words reasons and the plan editor use for incident flags. */
public final class FlagNames {

    private FlagNames() {
    }

    /** The Chinese name of {@code flag}, e.g. 有人员伤亡. */
    public static String chineseName(IncidentFlag flag) {
        return switch (flag) {
            case CASUALTIES -> "有人员伤亡";
            case EMERGENCY_CAUSED -> "由突发事件引发";
            case GROUP_VIOLENCE -> "出现群体性暴力";
            case SENSITIVE_DOMAIN -> "涉及敏感领域";
            case KEY_PERSON_EVENT_OR_PERIOD -> "涉及重要人物、重大事件或重要节点";
            case FOOD_OR_DRUG_HARM -> "食品药品质量隐患";
        };
    }
}
