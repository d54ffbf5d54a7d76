package org.yuqing.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a user or a client may do. People hold the first six; the last two belong to machines.
 */
public enum Role {
    /** 监测员: watches topics, sources and posts. */
    MONITOR("监测员"),
    /** 研判员: grades, classifies and overrides, opens cases. */
    ANALYST("研判员"),
    /** 领导: approves statements and signs off reviews. */
    LEADER("领导"),
    /** 责任单位处置人员: works the cases of their unit. */
    UNIT_HANDLER("责任单位"),
    /** 发布员: drafts and releases statements. */
    PUBLISHER("发布员"),
    /** 管理员: users, units, plans, channels. */
    ADMIN("管理员"),
    /** A crawler or partner that submits posts. */
    INGEST("采集接入"),
    /** A platform service reading another service's event feed. */
    SERVICE("平台服务");

    private final String displayName;

    Role(String displayName) {
        this.displayName = displayName;
    }

    /** @return the Chinese name shown in the console */
    public String displayName() {
        return displayName;
    }

    /** @return the Spring Security authority, {@code ROLE_<name>} */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * @param name a role name as carried in a token, in any case
     * @return the role, empty when unknown (unknown roles in a token grant nothing)
     */
    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }
}
