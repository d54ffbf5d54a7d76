package org.yuqing.publishing.statements;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.publishing.PublishingIntegrationTest;
import org.yuqing.publishing.channels.WebhookReceiver;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Releases with the email and webhook channels switched on, against a real SMTP server
 * (GreenMail) and a real HTTP receiver: one release row per channel, failures recorded without
 * undoing the rest, and retries with the same idempotency key.
 */
class ExternalChannelReleaseTest extends PublishingIntegrationTest {

    private static final String SECRET = "cms-secret-" + UUID.randomUUID();
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final WebhookReceiver CMS;

    static {
        SMTP.start();
        try {
            CMS = new WebhookReceiver(SECRET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry r) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        r.add("yuqing.publishing.channels.email.enabled", () -> "true");
        r.add("yuqing.publishing.channels.email.from", () -> "press-office@district.example.gov.cn");
        r.add("yuqing.publishing.channels.email.recipients", () -> "desk@news.example.cn,reporter@daily.example.cn");
        r.add("yuqing.publishing.channels.webhook.enabled", () -> "true");
        r.add("yuqing.publishing.channels.webhook.urls", () -> CMS.url().toString());
        r.add("yuqing.publishing.channels.webhook.secret", () -> SECRET);
        r.add("yuqing.publishing.channels.webhook.timeout", () -> "3s");
    }

    @AfterAll
    static void stop() {
        CMS.close();
        SMTP.stop();
    }

    @Test
    void a_published_statement_goes_out_on_every_channel_each_with_its_release_row() throws Exception {
        UUID id = publishedStatement("关于东湖化工厂泄漏的情况通报", "今日上午发生泄漏。\n<b>暂无人员伤亡</b>");

        assertThat(releases(id)).containsExactlyInAnyOrder("website:DELIVERED", "email:DELIVERED", "webhook:DELIVERED");
        assertThat(channelsAnnounced(id)).containsExactlyInAnyOrder("website", "email", "webhook");
        List<MimeMessage> mails = mailsFor(id);
        assertThat(mails).isNotEmpty();
        assertThat(mails.getFirst().getSubject()).isEqualTo("【事实通报】关于东湖化工厂泄漏的情况通报");
        List<WebhookReceiver.Received> posts = CMS.withKey(id + ":webhook");
        assertThat(posts).hasSize(1);
        assertThat(posts.getFirst().signatureValid()).isTrue();
        assertThat(json.readTree(posts.getFirst().body()).path("publicUrl").asString())
                .isEqualTo(PUBLIC_BASE + "/public/statements/" + id);
    }

    @Test
    void a_failed_channel_is_recorded_without_undoing_the_publication_and_is_retried_with_the_same_key()
            throws Exception {
        CMS.failNext(1);
        UUID id = publishedStatement("关于东湖化工厂泄漏的进展通报", "处置工作有序进行。");

        JsonNode view = body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/publishing/statements/" + id)).andReturn());
        assertThat(view.path("state").asString()).isEqualTo("PUBLISHED");
        assertThat(releases(id)).containsExactlyInAnyOrder("website:DELIVERED", "email:DELIVERED", "webhook:FAILED");
        JsonNode failed = release(view, "webhook");
        assertThat(failed.path("error").asString()).contains("503");
        assertThat(failed.path("error").asString()).doesNotContain(SECRET);
        assertThat(channelsAnnounced(id)).containsExactlyInAnyOrder("website", "email");

        MvcResult retried = retry(id, "webhook");

        assertThat(retried.getResponse().getStatus()).as(retried.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode after = release(body(retried), "webhook");
        assertThat(after.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(after.path("error").isNull()).isTrue();
        assertThat(after.path("attempts").asInt()).isEqualTo(2);
        List<WebhookReceiver.Received> posts = CMS.withKey(id + ":webhook");
        assertThat(posts).extracting(WebhookReceiver.Received::answered).containsExactly(503, 204);
        assertThat(json.readTree(posts.get(1).body())).isEqualTo(json.readTree(posts.get(0).body()));
        assertThat(mailsFor(id)).as("a retry of one channel leaves the others alone").hasSize(3);
    }

    @Test
    void only_a_failed_release_can_be_retried() throws Exception {
        UUID id = publishedStatement("情况通报", "正文。");

        MvcResult delivered = retry(id, "webhook");
        MvcResult unknownChannel = retry(id, "fax");
        MvcResult unknownStatement = retry(UUID.randomUUID(), "webhook");

        assertThat(delivered.getResponse().getStatus()).isEqualTo(409);
        assertThat(delivered.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(body(delivered).path("type").asString()).isEqualTo("urn:yuqing:publishing:release-not-failed");
        assertThat(body(delivered).path("status").asString()).isEqualTo("DELIVERED");
        assertThat(unknownChannel.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(unknownChannel).path("type").asString()).isEqualTo("urn:yuqing:publishing:release-not-found");
        assertThat(unknownStatement.getResponse().getStatus()).isEqualTo(404);
        assertThat(CMS.withKey(id + ":webhook")).hasSize(1);
    }

    private MvcResult retry(UUID id, String channel) throws Exception {
        return mvc.perform(post("/api/publishing/statements/" + id + "/releases/" + channel + "/retry")
                .header("X-Yuqing-User", "spokesperson")).andReturn();
    }

    private List<String> releases(UUID id) {
        return jdbc.queryForList("select channel || ':' || status from publishing.release where statement_id = ?",
                String.class, id);
    }

    private List<String> channelsAnnounced(UUID id) throws Exception {
        JsonNode event = json.readTree(jdbc.queryForObject(
                "select payload::text from publishing.outbox where event_type = 'StatementPublished' and aggregate_id = ?",
                String.class, id.toString()));
        return event.path("channels").valueStream().map(JsonNode::asString).toList();
    }

    private static JsonNode release(JsonNode view, String channel) {
        return view.path("releases").valueStream().filter(r -> channel.equals(r.path("channel").asString()))
                .findFirst().orElseThrow();
    }

    private static List<MimeMessage> mailsFor(UUID id) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                String[] h = m.getHeader("X-Yuqing-Statement");
                return h != null && h[0].equals(id.toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
