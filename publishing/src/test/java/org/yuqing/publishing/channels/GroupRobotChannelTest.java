package org.yuqing.publishing.channels;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.yuqing.publishing.PublishingProperties;
import org.yuqing.publishing.renditions.Master;
import org.yuqing.publishing.renditions.Renditions;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class GroupRobotChannelTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00.123Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String KEY = "wecom-key-" + UUID.randomUUID();
    private static final String TOKEN = "ding-token-" + UUID.randomUUID();
    private static final String SECRET = "SEC" + UUID.randomUUID().toString().replace("-", "");

    private final JsonMapper json = JsonMapper.builder().build();
    private final Renditions renditions = new Renditions(new PublishingProperties(
            URI.create("https://news.example.gov.cn"), "权威发布", "东湖区新闻办", "Asia/Shanghai"));
    private final RobotStub stub = new RobotStub(KEY, TOKEN, SECRET, CLOCK);

    GroupRobotChannelTest() throws IOException {
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void wecom_receives_the_approved_robot_rendition_as_a_markdown_message() {
        Publication p = publication();

        Delivery d = wecom(KEY).deliver(p);

        assertThat(d.status()).as(String.valueOf(d.error())).isEqualTo(Delivery.Status.DELIVERED);
        RobotStub.Received r = stub.received("wecom").getFirst();
        assertThat(r.errcode()).isZero();
        assertThat(r.body().path("msgtype").asString()).isEqualTo("markdown");
        assertThat(r.body().path("markdown").path("content").asString()).isEqualTo(robotRendition(p));
    }

    @Test
    void a_wecom_error_fails_the_delivery_with_its_errcode_and_the_key_is_never_shown(CapturedOutput output) {
        Delivery d = wecom("wrong-" + KEY).deliver(publication());

        assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(d.error()).contains("93000").contains(stub.wecomUrl().toString()).doesNotContain(KEY);
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @Test
    void dingtalk_receives_a_signed_markdown_message_the_robot_verifies() {
        Publication p = publication();

        Delivery d = dingTalk(TOKEN, SECRET).deliver(p);

        assertThat(d.status()).as(String.valueOf(d.error())).isEqualTo(Delivery.Status.DELIVERED);
        RobotStub.Received r = stub.received("dingtalk").getFirst();
        assertThat(r.errcode()).isZero();
        assertThat(r.query().get("timestamp")).isEqualTo(Long.toString(NOW.toEpochMilli()));
        assertThat(r.body().path("msgtype").asString()).isEqualTo("markdown");
        assertThat(r.body().path("markdown").path("title").asString()).isEqualTo(p.title());
        assertThat(r.body().path("markdown").path("text").asString()).isEqualTo(robotRendition(p));
    }

    @Test
    void a_wrong_dingtalk_secret_fails_on_the_signature_and_neither_token_nor_secret_is_shown(CapturedOutput output) {
        String wrong = SECRET + "x";

        Delivery d = dingTalk(TOKEN, wrong).deliver(publication());

        assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(d.error()).contains("310000").doesNotContain(TOKEN).doesNotContain(wrong);
        assertThat(output.getAll()).doesNotContain(TOKEN).doesNotContain(wrong);
        assertThat(dingTalk(TOKEN, null).deliver(publication()).error()).as("an unsigned call to a signed robot")
                .contains("310000");
        assertThat(stub.received("dingtalk").getLast().query()).doesNotContainKeys("timestamp", "sign");
    }

    @Test
    void an_http_error_of_the_robot_fails_the_delivery() {
        stub.failNext(1);

        Delivery d = wecom(KEY).deliver(publication());

        assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(d.error()).contains("HTTP 500").doesNotContain(KEY);
    }

    @Test
    void robots_are_off_without_credentials_and_their_settings_never_print_them() {
        ChannelProperties.WeCom wecom = new ChannelProperties.WeCom(true, null, "", null);
        ChannelProperties.DingTalk ding = new ChannelProperties.DingTalk(true, null, " ", SECRET, null);
        assertThat(wecom.active()).isFalse();
        assertThat(ding.active()).isFalse();
        assertThat(new ChannelProperties.WeCom(true, null, KEY, null).toString()).doesNotContain(KEY);
        assertThat(new ChannelProperties.DingTalk(true, null, TOKEN, SECRET, null).toString())
                .doesNotContain(TOKEN).doesNotContain(SECRET);
        assertThat(wecom.url()).isEqualTo(URI.create("https://qyapi.weixin.qq.com/cgi-bin/webhook/send"));
        assertThat(ding.url()).isEqualTo(URI.create("https://oapi.dingtalk.com/robot/send"));
    }

    private WeComRobotChannel wecom(String key) {
        return new WeComRobotChannel(properties(new ChannelProperties.WeCom(true, stub.wecomUrl(), key,
                Duration.ofSeconds(3)), null), json, renditions);
    }

    private DingTalkRobotChannel dingTalk(String token, String secret) {
        return new DingTalkRobotChannel(properties(null, new ChannelProperties.DingTalk(true, stub.dingTalkUrl(),
                token, secret, Duration.ofSeconds(3))), json, renditions, CLOCK);
    }

    private static ChannelProperties properties(ChannelProperties.WeCom wecom, ChannelProperties.DingTalk ding) {
        return new ChannelProperties(null, null, wecom, ding, null);
    }

    private String robotRendition(Publication p) {
        return renditions.of(new Master(p.statementId(), p.kindName(), p.title(), p.body(), p.publicUrl()), "robot")
                .orElseThrow().content();
    }

    private static Publication publication() {
        UUID id = UUID.randomUUID();
        return new Publication(id, UUID.randomUUID(), "district", "FACT_REPORT", "事实通报",
                "关于东湖化工厂泄漏的情况通报", "今日上午发生泄漏。\n暂无人员伤亡。", "0".repeat(64),
                "https://news.example.gov.cn/public/statements/" + id, NOW);
    }
}
