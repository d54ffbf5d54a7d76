package org.yuqing.casework.notifications;

import org.springframework.stereotype.Component;
import org.yuqing.casework.contacts.ContactDirectory;
import org.yuqing.casework.contacts.UnitRobot;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Map;

/**
 * A unit's WeCom group robot (企业微信群机器人): {@code POST <webhook>} (the address WeCom gives, {@code ?key=…}
 * included) with {@code {"msgtype":"text","text":{"content":"…"}}}, the content at most 2048 bytes of UTF-8 as WeCom
 * documents (a longer notice is cut and marked with …).
 */
@Component
class WeComRobotSender extends GroupRobotSender {

    static final String CHANNEL = UnitRobot.WECOM;
    static final int MAX_CONTENT_BYTES = 2048;

    WeComRobotSender(ContactDirectory directory, JsonMapper json, NotificationProperties properties) {
        super(directory, new HttpJson(json, properties.timeout()));
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    Map<String, Object> payload(String text) {
        return Map.of("msgtype", "text", "text", Map.of("content", fit(text, MAX_CONTENT_BYTES)));
    }

    @Override
    URI target(UnitRobot robot) {
        return robot.webhookUrl();
    }
}
