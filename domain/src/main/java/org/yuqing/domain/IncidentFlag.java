package org.yuqing.domain;

/**
 * Facts about an incident that the plans grade on besides the numbers; set by an analyst or a rule.
 */
public enum IncidentFlag {
    /** 有人员伤亡. */
    CASUALTIES,
    /** 由突发事件引发. */
    EMERGENCY_CAUSED,
    /** 群体性暴力. */
    GROUP_VIOLENCE,
    /** 敏感领域: food and drugs, work safety, land and demolition, public health, relief. */
    SENSITIVE_DOMAIN,
    /** 重点人物、事件、时期. */
    KEY_PERSON_EVENT_OR_PERIOD,
    /** 食品药品安全 harm. */
    FOOD_OR_DRUG_HARM
}
