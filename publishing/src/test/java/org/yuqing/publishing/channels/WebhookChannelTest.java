package org.yuqing.publishing.channels;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yuqing.publishing.PublishingProperties;
import org.yuqing.publishing.renditions.Master;
import org.yuqing.publishing.renditions.Renditions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class WebhookChannelTest {

    private static final String SECRET = "s3cret-" + UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

    private final JsonMapper json = JsonMapper.builder().build();
    private final WebhookReceiver receiver = new WebhookReceiver(SECRET);

    WebhookChannelTest() throws IOException {
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void a_statement_is_posted_as_signed_json_with_its_idempotency_key() {
        Publication p = publication();

        Delivery d = channel(SECRET, receiver.url()).deliver(p);

        assertThat(d.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(d.error()).isNull();
        assertThat(receiver.received()).hasSize(1);
        WebhookReceiver.Received r = receiver.received().getFirst();
        assertThat(r.signatureValid()).isTrue();
        assertThat(r.timestamp()).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(r.signature()).matches("sha256=[0-9a-f]{64}");
        assertThat(r.idempotencyKey()).isEqualTo(p.statementId() + ":webhook");
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("id").asString()).isEqualTo(p.statementId().toString());
        assertThat(body.path("title").asString()).isEqualTo("关于东湖化工厂泄漏的情况通报");
        assertThat(body.path("body").asString()).isEqualTo(p.body());
        assertThat(body.path("kind").asString()).isEqualTo("FACT_REPORT");
        assertThat(Instant.parse(body.path("publishedAt").asString())).isEqualTo(p.publishedAt());
        assertThat(body.path("publicUrl").asString()).isEqualTo(p.publicUrl());
        assertThat(body.path("contentHash").asString()).isEqualTo(p.contentHash());
        assertThat(body.path("html").asString()).as("the approved website rendition, byte for byte")
                .isEqualTo(RENDITIONS.of(new Master(p.statementId(), p.kindName(), p.title(), p.body(), p.publicUrl()),
                        "website").orElseThrow().content())
                .contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void a_receiver_answering_an_error_fails_the_delivery_naming_the_status() {
        receiver.failNext(1);

        Delivery d = channel(SECRET, receiver.url()).deliver(publication());

        assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(d.error()).contains("503").contains(receiver.url().toString());
    }

    @Test
    void a_signature_made_with_another_secret_is_rejected_and_the_secret_is_never_logged(CapturedOutput output) {
        String wrong = "wrong-" + UUID.randomUUID();

        Delivery d = channel(wrong, receiver.url()).deliver(publication());

        assertThat(receiver.received().getFirst().signatureValid()).isFalse();
        assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(d.error()).contains("401").doesNotContain(wrong);
        assertThat(output.getAll()).contains("webhook failed").doesNotContain(wrong);
        assertThat(new ChannelProperties.Webhook(true, List.of(receiver.url()), wrong, null).toString())
                .doesNotContain(wrong);
    }

    @Test
    void an_unreachable_receiver_fails_the_delivery_within_the_timeout() throws IOException {
        URI closed;
        try (WebhookReceiver gone = new WebhookReceiver(SECRET)) {
            closed = gone.url();
        }

        Delivery d = channel(SECRET, closed).deliver(publication());

        assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(d.error()).contains(closed.toString());
    }

    @Test
    void every_receiver_must_accept_for_a_delivery() throws IOException {
        try (WebhookReceiver second = new WebhookReceiver(SECRET)) {
            second.failNext(1);

            Delivery d = channel(SECRET, receiver.url(), second.url()).deliver(publication());

            assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
            assertThat(d.error()).contains(second.url().toString()).doesNotContain(receiver.url().toString());
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void without_urls_or_secret_the_channel_is_off() {
        assertThat(new WebhookChannel(new ChannelProperties(null, new ChannelProperties.Webhook(true, List.of(), SECRET,
                null), null, null, null), json, Clock.systemUTC(), RENDITIONS).enabled()).isFalse();
        assertThat(new WebhookChannel(new ChannelProperties(null, new ChannelProperties.Webhook(true,
                List.of(receiver.url()), "", null), null, null, null), json, Clock.systemUTC(), RENDITIONS).enabled()).isFalse();
        assertThat(channel(SECRET, receiver.url()).enabled()).isTrue();
    }

    private WebhookChannel channel(String secret, URI... urls) {
        return new WebhookChannel(new ChannelProperties(null,
                new ChannelProperties.Webhook(true, List.of(urls), secret, Duration.ofSeconds(3)), null, null, null),
                json, Clock.fixed(NOW, ZoneOffset.UTC), RENDITIONS);
    }

    static final Renditions RENDITIONS = new Renditions(new PublishingProperties(
            URI.create("https://news.example.gov.cn"), "权威发布", "东湖区新闻办", "Asia/Shanghai"));

    static Publication publication() {
        UUID id = UUID.randomUUID();
        return new Publication(id, UUID.randomUUID(), "district", "FACT_REPORT", "事实通报",
                "关于东湖化工厂泄漏的情况通报", "今日上午，东湖一家化工厂发生泄漏。\n<script>alert('x')</script> & \"引号\"",
                "0".repeat(64), "https://news.example.gov.cn/public/statements/" + id, NOW);
    }
}
