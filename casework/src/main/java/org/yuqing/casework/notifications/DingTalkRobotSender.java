package org.yuqing.casework.notifications;

import org.springframework.stereotype.Component;
import org.yuqing.casework.contacts.ContactDirectory;
import org.yuqing.casework.contacts.UnitRobot;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

/**
 * A unit's DingTalk custom group robot (钉钉自定义机器人): {@code POST <webhook>} (the address DingTalk gives,
 * {@code ?access_token=…} included) with {@code {"msgtype":"text","text":{"content":"…"}}}. A robot with a 加签
 * secret gets {@code timestamp} (Unix milliseconds) and {@code sign} = URL-encoded Base64 of HMAC-SHA256(key = secret,
 * data = {@code "<timestamp>\n<secret>"}) added to the address, as DingTalk documents; DingTalk refuses a timestamp
 * more than an hour off, so it is taken from this service's clock at each attempt.
 */
@Component
class DingTalkRobotSender extends GroupRobotSender {

    static final String CHANNEL = UnitRobot.DINGTALK;
    static final int MAX_CONTENT_BYTES = 20_000;

    private final Clock clock;

    DingTalkRobotSender(ContactDirectory directory, JsonMapper json, NotificationProperties properties, Clock clock) {
        super(directory, new HttpJson(json, properties.timeout()));
        this.clock = clock;
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
        if (!robot.signed()) {
            return robot.webhookUrl();
        }
        String timestamp = Long.toString(clock.millis());
        return withQuery(withQuery(robot.webhookUrl(), "timestamp", timestamp), "sign", sign(robot.secret(), timestamp));
    }

    /** Base64 of HMAC-SHA256 of {@code "<timestamp>\n<secret>"} under the secret (not yet URL-encoded). */
    static String sign(String secret, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
