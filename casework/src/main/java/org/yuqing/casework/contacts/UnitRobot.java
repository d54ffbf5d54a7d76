package org.yuqing.casework.contacts;

import java.net.URI;
import java.util.Objects;

/**
 * A unit's group robot, with its credentials: only the delivery of a notice reads this; the API shows
 * {@link #shownAddress()} and whether it is signed, never the address's query or the secret.
 *
 * @param unitId     the unit whose notices the group receives
 * @param name       the robot's name within the unit, e.g. 应急值班群
 * @param kind       {@code WECOM} (企业微信群机器人) or {@code DINGTALK} (钉钉自定义机器人)
 * @param webhookUrl the webhook address as the robot's settings page gives it, credential (key / access_token)
 *                   in its query
 * @param secret     the DingTalk 加签 secret, or {@code null} for an unsigned robot (WeCom robots have none)
 */
public record UnitRobot(String unitId, String name, String kind, URI webhookUrl, String secret) {

    /** A WeCom group robot. */
    public static final String WECOM = "WECOM";
    /** A DingTalk custom group robot. */
    public static final String DINGTALK = "DINGTALK";

    public UnitRobot {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
    }

    /** Whether requests are signed (DingTalk 加签). */
    public boolean signed() {
        return secret != null && !secret.isEmpty();
    }

    /** The address without query and fragment: what the API, errors and logs may show. */
    public String shownAddress() {
        return shown(webhookUrl);
    }

    /** An address without its query and fragment. */
    public static String shown(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    @Override
    public String toString() {
        // Never the credential, whoever prints the record.
        return "UnitRobot[" + unitId + "/" + name + " " + kind + " " + shownAddress() + (signed() ? " signed" : "") + "]";
    }
}
