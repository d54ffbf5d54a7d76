package org.yuqing.publishing.channels;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yuqing.publishing.renditions.Rendition;
import org.yuqing.publishing.renditions.Renditions;
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
 * A DingTalk custom group robot (钉钉自定义机器人) as a channel: {@code POST <url>?access_token=<token>} with
 * {@code {"msgtype":"markdown","markdown":{"title":"…","text":"…"}}} (title: the statement's title, shown in the
 * conversation list; text: the approved {@code robot} rendition). With the robot's 加签 secret configured the
 * address also carries {@code timestamp} (Unix milliseconds) and {@code sign} = URL-encoded Base64 of
 * HMAC-SHA256(key = secret, data = {@code "<timestamp>\n<secret>"}), as DingTalk documents. DingTalk answers
 * {@code {"errcode":0,"errmsg":"ok"}}; any other errcode fails the delivery. Token and secret are never logged.
 */
@Component
class DingTalkRobotChannel implements Channel {

    static final String NAME = "dingtalk";

    private static final Logger log = LoggerFactory.getLogger(DingTalkRobotChannel.class);

    private final ChannelProperties.DingTalk settings;
    private final GroupRobot robot;
    private final Clock clock;

    DingTalkRobotChannel(ChannelProperties properties, JsonMapper json, Renditions renditions, Clock clock) {
        this.settings = properties.dingtalk();
        this.robot = new GroupRobot(json, renditions, settings.timeout());
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return settings.active();
    }

    @Override
    public Delivery deliver(Publication p) {
        Rendition markdown = robot.markdown(p);
        String body = robot.json(Map.of("msgtype", "markdown",
                "markdown", Map.of("title", markdown.subject(), "text", markdown.content())));
        URI target = GroupRobot.withQuery(settings.url(), "access_token", settings.accessToken());
        if (settings.signed()) {
            String timestamp = Long.toString(clock.millis());
            target = URI.create(GroupRobot.withQuery(target, "timestamp", timestamp) + "&sign="
                    + GroupRobot.encode(sign(settings.secret(), timestamp)));
        }
        Delivery d = robot.post(NAME, target, GroupRobot.shown(settings.url()), body, settings.timeout());
        if (d.status() == Delivery.Status.DELIVERED) {
            log.info("statement {} posted to the DingTalk group robot", p.statementId());
        } else {
            log.warn("statement {} DingTalk robot failed: {}", p.statementId(), d.error());
        }
        return d;
    }

    /** Base64 of HMAC-SHA256 of {@code "<timestamp>\n<secret>"} under the secret (not yet URL-encoded). */
    static String sign(String secret, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
