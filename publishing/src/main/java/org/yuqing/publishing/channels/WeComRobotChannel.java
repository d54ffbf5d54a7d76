package org.yuqing.publishing.channels;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yuqing.publishing.renditions.Rendition;
import org.yuqing.publishing.renditions.Renditions;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Map;

/**
 * A WeCom group robot (企业微信群机器人) as a channel: {@code POST <url>?key=<key>} with
 * {@code {"msgtype":"markdown","markdown":{"content":"…"}}}, the content being the approved {@code robot} rendition
 * (at most 4096 bytes). WeCom answers {@code {"errcode":0,"errmsg":"ok"}}; any other errcode fails the delivery.
 * The key comes from {@code yuqing.publishing.channels.wecom.key} and is never logged. A robot knows no idempotency
 * key: a retry after a success that was not recorded posts the message twice.
 */
@Component
class WeComRobotChannel implements Channel {

    static final String NAME = "wecom";

    private static final Logger log = LoggerFactory.getLogger(WeComRobotChannel.class);

    private final ChannelProperties.WeCom settings;
    private final GroupRobot robot;

    WeComRobotChannel(ChannelProperties properties, JsonMapper json, Renditions renditions) {
        this.settings = properties.wecom();
        this.robot = new GroupRobot(json, renditions, settings.timeout());
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
        String body = robot.json(Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown.content())));
        URI target = GroupRobot.withQuery(settings.url(), "key", settings.key());
        Delivery d = robot.post(NAME, target, GroupRobot.shown(settings.url()), body, settings.timeout());
        if (d.status() == Delivery.Status.DELIVERED) {
            log.info("statement {} posted to the WeCom group robot", p.statementId());
        } else {
            log.warn("statement {} WeCom robot failed: {}", p.statementId(), d.error());
        }
        return d;
    }
}
