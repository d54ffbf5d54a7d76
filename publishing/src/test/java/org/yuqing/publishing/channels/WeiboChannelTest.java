package org.yuqing.publishing.channels;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.yuqing.publishing.renditions.Master;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Weibo adapter against a loopback stub of {@code statuses/share} that checks what Weibo checks. */
@ExtendWith(OutputCaptureExtension.class)
class WeiboChannelTest {

    private static final String TOKEN = "2.00weibo-token-" + UUID.randomUUID();
    private static final String RIP = "211.156.0.1";

    private final JsonMapper json = JsonMapper.builder().build();
    private final WeiboStub weibo = new WeiboStub(TOKEN, "news.example.gov.cn");

    WeiboChannelTest() throws IOException {
    }

    @AfterEach
    void stop() {
        weibo.close();
    }

    @Test
    void the_approved_microblog_rendition_is_shared_and_the_release_links_the_post() {
        Publication p = WebhookChannelTest.publication();

        Delivery d = channel(TOKEN).deliver(p);

        assertThat(d.status()).as(String.valueOf(d.error())).isEqualTo(Delivery.Status.DELIVERED);
        WeiboStub.Post post = weibo.posts().getFirst();
        assertThat(post.status()).isEqualTo(rendition(p)).endsWith(p.publicUrl());
        assertThat(post.rip()).isEqualTo(RIP);
        assertThat(d.url()).isEqualTo("https://m.weibo.cn/status/" + post.idstr());
    }

    @Test
    void a_long_statement_goes_out_cut_to_weibos_140_characters_with_the_link_to_the_full_text() {
        Publication p = publication("现场处置有序，监测数据正常，周边群众生活未受影响。".repeat(20));

        Delivery d = channel(TOKEN).deliver(p);

        assertThat(d.status()).as(String.valueOf(d.error())).isEqualTo(Delivery.Status.DELIVERED);
        String status = weibo.posts().getFirst().status();
        assertThat(WeiboStub.length(status)).isLessThanOrEqualTo(140);
        assertThat(status).endsWith("……全文：" + p.publicUrl());
    }

    @Test
    void a_post_whose_answer_was_lost_is_not_posted_again_by_the_retry() {
        Publication p = WebhookChannelTest.publication();
        weibo.dropNextAnswer(1);

        Delivery lost = channel(TOKEN).deliver(p);
        Delivery retried = channel(TOKEN).deliver(p);

        assertThat(lost.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(retried.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(weibo.errors()).containsExactly(WeiboChannel.REPEAT_CONTENT);
        assertThat(weibo.posts()).as("posted once").hasSize(1);
    }

    @Test
    void weibo_errors_fail_the_delivery_with_their_code_and_the_token_is_never_shown(CapturedOutput output) {
        Delivery badToken = channel("wrong-" + TOKEN).deliver(WebhookChannelTest.publication());
        Publication elsewhere = new Publication(UUID.randomUUID(), UUID.randomUUID(), "district", "FACT_REPORT",
                "事实通报", "情况通报", "正文。", "0".repeat(64), "https://other.example.com/s/1", Instant.now());
        Delivery unsafeDomain = channel(TOKEN).deliver(elsewhere);
        weibo.failNext(1);
        Delivery down = channel(TOKEN).deliver(WebhookChannelTest.publication());

        assertThat(badToken.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(badToken.error()).contains("21332").doesNotContain(TOKEN);
        assertThat(unsafeDomain.error()).as("the link must be on the app's safe domain").contains("10017");
        assertThat(down.error()).contains("10001");
        assertThat(weibo.posts()).isEmpty();
        assertThat(output.getAll()).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(5));
    }

    @Test
    void without_token_or_rip_the_channel_is_off_and_its_settings_hide_the_token() {
        assertThat(new WeiboChannel(properties(new ChannelProperties.Weibo(true, weibo.url(), TOKEN, " ", null, null)),
                WebhookChannelTest.RENDITIONS, json).enabled()).isFalse();
        assertThat(new WeiboChannel(properties(new ChannelProperties.Weibo(true, weibo.url(), null, RIP, null, null)),
                WebhookChannelTest.RENDITIONS, json).enabled()).isFalse();
        assertThat(channel(TOKEN).enabled()).isTrue();
        assertThat(new ChannelProperties.Weibo(true, null, TOKEN, RIP, null, null).toString()).doesNotContain(TOKEN);
    }

    private WeiboChannel channel(String token) {
        return new WeiboChannel(properties(new ChannelProperties.Weibo(true, weibo.url(), token, RIP, null,
                Duration.ofSeconds(3))), WebhookChannelTest.RENDITIONS, json);
    }

    private static ChannelProperties properties(ChannelProperties.Weibo settings) {
        return new ChannelProperties(null, null, null, null, null, settings, null);
    }

    private static Publication publication(String body) {
        UUID id = UUID.randomUUID();
        return new Publication(id, UUID.randomUUID(), "district", "PROGRESS_UPDATE", "进展通报", "关于东湖化工厂事故的进展通报",
                body, "0".repeat(64), "https://news.example.gov.cn/public/statements/" + id, Instant.now());
    }

    private static String rendition(Publication p) {
        return WebhookChannelTest.RENDITIONS.of(new Master(p.statementId(), p.kindName(), p.title(), p.body(),
                p.publicUrl()), "microblog").orElseThrow().content();
    }
}
