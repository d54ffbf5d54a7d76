package org.yuqing.publishing.channels;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.yuqing.publishing.renditions.Master;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The official-account adapter against a loopback stub of WeChat's token, draft and free-publish APIs. */
@ExtendWith(OutputCaptureExtension.class)
class WeChatChannelTest {

    private static final String APP_ID = "wx" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private static final String SECRET = "appsecret-" + UUID.randomUUID();
    private static final String COVER = "cover-" + UUID.randomUUID();

    private final JsonMapper json = JsonMapper.builder().build();
    private final WeChatStub wechat = new WeChatStub(APP_ID, SECRET, COVER);

    WeChatChannelTest() throws IOException {
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    @Test
    void the_approved_article_rendition_is_drafted_published_and_the_release_links_the_article() {
        Publication p = WebhookChannelTest.publication();

        Delivery d = channel(SECRET).deliver(p, DeliveryProgress.inMemory());

        assertThat(d.status()).as(String.valueOf(d.error())).isEqualTo(Delivery.Status.DELIVERED);
        WeChatStub.Draft draft = wechat.drafts().getFirst();
        assertThat(draft.article().path("content").asString()).isEqualTo(WebhookChannelTest.RENDITIONS.of(
                new Master(p.statementId(), p.kindName(), p.title(), p.body(), p.publicUrl()), "wechat")
                .orElseThrow().content());
        assertThat(draft.article().path("title").asString()).isEqualTo(p.title());
        assertThat(draft.article().path("content_source_url").asString()).isEqualTo(p.publicUrl());
        assertThat(draft.article().path("author").asString()).isEqualTo("东湖区新闻办");
        assertThat(wechat.submitted()).containsExactly(draft.mediaId());
        assertThat(d.url()).startsWith("https://mp.weixin.qq.com/s/");
    }

    @Test
    void the_token_is_cached_and_fetched_again_when_wechat_says_it_expired_or_is_invalid() {
        WeChatChannel channel = channel(SECRET);

        channel.deliver(WebhookChannelTest.publication(), DeliveryProgress.inMemory());
        channel.deliver(WebhookChannelTest.publication(), DeliveryProgress.inMemory());
        assertThat(wechat.tokenRequests()).as("one token for both").isEqualTo(1);

        wechat.expireTokens();
        Delivery afterExpiry = channel.deliver(WebhookChannelTest.publication(), DeliveryProgress.inMemory());
        wechat.revokeTokens();
        Delivery afterRevocation = channel.deliver(WebhookChannelTest.publication(), DeliveryProgress.inMemory());

        assertThat(afterExpiry.status()).as(String.valueOf(afterExpiry.error())).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(afterRevocation.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(wechat.tokenRequests()).isEqualTo(3);
        assertThat(wechat.drafts()).hasSize(4);
    }

    @Test
    void a_publish_job_still_running_is_pending_and_the_next_attempt_only_asks_for_it() {
        Publication p = WebhookChannelTest.publication();
        DeliveryProgress progress = DeliveryProgress.inMemory();
        wechat.publishingPolls(1);

        Delivery first = channel(SECRET).deliver(p, progress);
        Delivery second = channel(SECRET).deliver(p, progress);

        assertThat(first.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(second.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(wechat.drafts()).hasSize(1);
        assertThat(wechat.submitted()).hasSize(1);
    }

    @Test
    void a_failed_submit_is_retried_with_the_same_draft() {
        Publication p = WebhookChannelTest.publication();
        DeliveryProgress progress = DeliveryProgress.inMemory();
        wechat.failNextSubmit(1);

        Delivery failed = channel(SECRET).deliver(p, progress);
        Delivery retried = channel(SECRET).deliver(p, progress);

        assertThat(failed.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(failed.error()).contains("errcode -1");
        assertThat(retried.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(wechat.drafts()).as("no second draft").hasSize(1);
        assertThat(wechat.submitted()).containsExactly(wechat.drafts().getFirst().mediaId());
    }

    @Test
    void a_submit_whose_answer_was_lost_is_never_published_twice() {
        Publication p = WebhookChannelTest.publication();
        DeliveryProgress progress = DeliveryProgress.inMemory();
        wechat.dropNextSubmitAnswer(1);

        Delivery lost = channel(SECRET).deliver(p, progress);
        Delivery retried = channel(SECRET).deliver(p, progress);

        assertThat(lost.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(retried.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(retried.error()).contains("发表记录");
        assertThat(wechat.submitted()).as("published once").hasSize(1);
    }

    @Test
    void a_wrong_secret_fails_with_wechats_errcode_and_no_secret_or_token_reaches_errors_or_logs(
            CapturedOutput output) {
        Delivery wrong = channel("wrong-" + SECRET).deliver(WebhookChannelTest.publication(),
                DeliveryProgress.inMemory());
        Delivery right = channel(SECRET).deliver(WebhookChannelTest.publication(), DeliveryProgress.inMemory());

        assertThat(wrong.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(wrong.error()).contains("40125").doesNotContain(SECRET);
        assertThat(right.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain("stub-token-");
        assertThat(new ChannelProperties.WeChat(true, null, APP_ID, SECRET, COVER, null, null).toString())
                .doesNotContain(SECRET);
    }

    @Test
    void without_app_id_secret_or_cover_the_channel_is_off() {
        assertThat(channel(" ").enabled()).isFalse();
        assertThat(new WeChatChannel(new ChannelProperties(null, null, null, null, null, null,
                new ChannelProperties.WeChat(true, wechat.baseUrl(), APP_ID, SECRET, null, null, null)),
                WebhookChannelTest.RENDITIONS, json, Clock.systemUTC()).enabled()).isFalse();
        assertThat(channel(SECRET).enabled()).isTrue();
    }

    private WeChatChannel channel(String secret) {
        return new WeChatChannel(new ChannelProperties(null, null, null, null, null, null,
                new ChannelProperties.WeChat(true, wechat.baseUrl(), APP_ID, secret, COVER, "东湖区新闻办",
                        Duration.ofSeconds(3))), WebhookChannelTest.RENDITIONS, json, Clock.systemUTC());
    }
}
