package org.yuqing.casework.escalation;

import java.util.Map;

/** Chinese names of the roles an escalation step may notify; an unknown role is shown as configured. */
final class Roles {

    private static final Map<String, String> NAMES = Map.of(
            "ASSIGNEE", "经办人",
            "UNIT_HEAD", "单位负责人",
            "LEADER_IN_CHARGE", "分管领导",
            "MAIN_LEADER", "主要领导");

    private Roles() {
    }

    static String chineseName(String role) {
        return NAMES.getOrDefault(role, role);
    }
}
