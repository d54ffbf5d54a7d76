package org.yuqing.publishing.statements;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.publishing.PublishingIntegrationTest;
import org.yuqing.publishing.channels.WebhookReceiver;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Releases with the email and webhook channels switched on, against a real SMTP server
 * (GreenMail) and a real HTTP receiver: one release row per channel, queued at publish and sent
 * after the commit by the delivery worker (driven here explicitly with the time of each pass),
 * failures recorded without undoing the rest, retried with backoff and the same idempotency key.
 */
class ExternalChannelReleaseTest extends PublishingIntegrationTest {

    @Autowired
    private ReleaseWorker worker;

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
    void a_published_statement_is_queued_on_every_external_channel_and_the_worker_delivers_it() throws Exception {
        UUID id = publishedStatement("关于东湖化工厂泄漏的情况通报", "今日上午发生泄漏。\n<b>暂无人员伤亡</b>");

        assertThat(releases(id)).containsExactlyInAnyOrder("website:DELIVERED", "email:PENDING", "webhook:PENDING");
        assertThat(channelsAnnounced(id)).as("the event lists the channels released or queued to")
                .containsExactlyInAnyOrder("website", "email", "webhook");
        assertThat(CMS.withKey(id + ":webhook")).isEmpty();
        assertThat(mailsFor(id)).isEmpty();

        worker.deliverDue(Instant.now());

        assertThat(releases(id)).containsExactlyInAnyOrder("website:DELIVERED", "email:DELIVERED", "webhook:DELIVERED");
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
    void publishing_returns_without_waiting_for_a_hung_receiver() throws Exception {
        UUID id = approvedStatement("关于东湖化工厂泄漏的情况通报（二）", "现场处置有序。");
        CMS.block();
        try {
            long started = System.nanoTime();
            MvcResult published = publish(id);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(published.getResponse().getStatus()).isEqualTo(200);
            // a synchronous webhook would hang here for its whole 3 s timeout
            assertThat(took).isLessThan(Duration.ofMillis(2500));
            assertThat(CMS.withKey(id + ":webhook")).isEmpty();
            assertThat(release(body(published), "webhook").path("status").asString()).isEqualTo("PENDING");
        } finally {
            CMS.open();
        }

        worker.deliverDue(Instant.now());

        assertThat(releases(id)).contains("webhook:DELIVERED");
        assertThat(CMS.withKey(id + ":webhook")).extracting(WebhookReceiver.Received::answered).containsExactly(204);
    }

    @Test
    void a_receiver_failing_twice_gets_the_release_on_the_third_attempt_after_backing_off() throws Exception {
        UUID id = approvedStatement("关于东湖化工厂泄漏的进展通报（三）", "监测数据正常。");
        String key = id + ":webhook";
        CMS.failNext(key, 2);
        publish(id);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);

        worker.deliverDue(t0);
        JsonNode first = webhookRelease(id);
        assertThat(first.path("status").asString()).isEqualTo("FAILED");
        assertThat(first.path("attempts").asInt()).isEqualTo(1);
        assertThat(first.path("error").asString()).contains("503");
        assertThat(Instant.parse(first.path("nextAttemptAt").asString())).isEqualTo(t0.plusSeconds(30));

        worker.deliverDue(t0.plusSeconds(29));
        assertThat(CMS.withKey(key)).as("not retried before its backoff ran out").hasSize(1);

        worker.deliverDue(t0.plusSeconds(30));
        JsonNode second = webhookRelease(id);
        assertThat(second.path("status").asString()).isEqualTo("FAILED");
        assertThat(second.path("attempts").asInt()).isEqualTo(2);
        assertThat(Instant.parse(second.path("nextAttemptAt").asString())).isEqualTo(t0.plusSeconds(30 + 60));

        worker.deliverDue(t0.plusSeconds(30 + 60));
        JsonNode third = webhookRelease(id);
        assertThat(third.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(third.path("attempts").asInt()).isEqualTo(3);
        assertThat(third.path("error").isNull()).isTrue();
        assertThat(third.path("nextAttemptAt").isNull()).isTrue();
        List<WebhookReceiver.Received> posts = CMS.withKey(key);
        assertThat(posts).extracting(WebhookReceiver.Received::answered).containsExactly(503, 503, 204);
        assertThat(posts).extracting(p -> json.readTree(p.body())).containsOnly(json.readTree(posts.get(2).body()));
        assertThat(mailsFor(id)).as("the other channel went out once").hasSize(3);
    }

    @Test
    void a_release_failing_every_automatic_attempt_stays_failed_until_the_manual_retry_re_queues_it()
            throws Exception {
        UUID id = approvedStatement("关于东湖化工厂泄漏的进展通报（四）", "处置工作有序进行。");
        String key = id + ":webhook";
        CMS.failNext(key, 1000);
        publish(id);

        Instant t = Instant.now();
        for (int attempt = 1; attempt <= 6; attempt++) {
            worker.deliverDue(t);
            JsonNode r = webhookRelease(id);
            assertThat(r.path("attempts").asInt()).isEqualTo(attempt);
            if (attempt < 6) {
                t = Instant.parse(r.path("nextAttemptAt").asString());
            }
        }
        JsonNode exhausted = webhookRelease(id);
        assertThat(exhausted.path("status").asString()).isEqualTo("FAILED");
        assertThat(exhausted.path("nextAttemptAt").isNull()).isTrue();
        worker.deliverDue(t.plus(Duration.ofDays(1)));
        assertThat(CMS.withKey(key)).as("no seventh automatic attempt").hasSize(6);

        CMS.failNext(key, 0);
        MvcResult retried = retry(id, "webhook");

        assertThat(retried.getResponse().getStatus()).as(retried.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(release(body(retried), "webhook").path("status").asString()).isEqualTo("PENDING");
        assertThat(CMS.withKey(key)).as("the endpoint only re-queues").hasSize(6);
        worker.deliverDue(Instant.now());
        JsonNode delivered = webhookRelease(id);
        assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(7);
        assertThat(CMS.withKey(key)).extracting(WebhookReceiver.Received::idempotencyKey).hasSize(7).containsOnly(key);
    }

    @Test
    void a_failed_channel_is_recorded_without_undoing_the_publication_and_is_retried_with_the_same_key()
            throws Exception {
        UUID id = approvedStatement("关于东湖化工厂泄漏的进展通报", "处置工作有序进行。");
        CMS.failNext(id + ":webhook", 1);
        publish(id);
        worker.deliverDue(Instant.now());

        JsonNode view = body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/publishing/statements/" + id)).andReturn());
        assertThat(view.path("state").asString()).isEqualTo("PUBLISHED");
        assertThat(releases(id)).containsExactlyInAnyOrder("website:DELIVERED", "email:DELIVERED", "webhook:FAILED");
        JsonNode failed = release(view, "webhook");
        assertThat(failed.path("error").asString()).contains("503");
        assertThat(failed.path("error").asString()).doesNotContain(SECRET);
        assertThat(channelsAnnounced(id)).containsExactlyInAnyOrder("website", "email", "webhook");

        MvcResult retried = retry(id, "webhook");
        assertThat(retried.getResponse().getStatus()).as(retried.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(jdbc.queryForList("select detail from publishing.audit_event where action = 'RELEASE'"
                + " and outcome = 'DONE' and target = ? order by id", String.class, "statement " + id))
                .as("the release, then the retry").hasSize(2).last().asString().contains("retry on channel webhook");
        worker.deliverDue(Instant.now());

        JsonNode after = webhookRelease(id);
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

        MvcResult pending = retry(id, "webhook");
        worker.deliverDue(Instant.now());
        MvcResult delivered = retry(id, "webhook");
        MvcResult unknownChannel = retry(id, "fax");
        MvcResult unknownStatement = retry(UUID.randomUUID(), "webhook");

        assertThat(pending.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(pending).path("status").asString()).isEqualTo("PENDING");
        assertThat(delivered.getResponse().getStatus()).isEqualTo(409);
        assertThat(delivered.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(body(delivered).path("type").asString()).isEqualTo("urn:yuqing:publishing:release-not-failed");
        assertThat(body(delivered).path("status").asString()).isEqualTo("DELIVERED");
        assertThat(unknownChannel.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(unknownChannel).path("type").asString()).isEqualTo("urn:yuqing:publishing:release-not-found");
        assertThat(unknownStatement.getResponse().getStatus()).isEqualTo(404);
        assertThat(CMS.withKey(id + ":webhook")).hasSize(1);
    }

    @Test
    void two_workers_running_at_once_never_send_one_release_twice() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(publishedStatement("并发发送测试 " + i, "正文 " + i));
        }
        CMS.delay(Duration.ofMillis(150));
        CountDownLatch start = new CountDownLatch(1);
        Instant now = Instant.now();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Integer> a = pool.submit(() -> {
                start.await();
                return worker.deliverDue(now);
            });
            Future<Integer> b = pool.submit(() -> {
                start.await();
                return worker.deliverDue(now);
            });
            start.countDown();
            int byA = a.get(60, TimeUnit.SECONDS);
            int byB = b.get(60, TimeUnit.SECONDS);

            assertThat(byA).as("both workers sent some").isPositive();
            assertThat(byB).as("both workers sent some").isPositive();
            assertThat(byA + byB).isGreaterThanOrEqualTo(2 * ids.size());
        } finally {
            CMS.delay(Duration.ZERO);
        }
        for (UUID id : ids) {
            assertThat(CMS.withKey(id + ":webhook")).as("posts of " + id).hasSize(1);
            assertThat(mailsFor(id)).as("one mail (three copies) for " + id).hasSize(3);
            assertThat(releases(id)).containsExactlyInAnyOrder("website:DELIVERED", "email:DELIVERED",
                    "webhook:DELIVERED");
        }
    }

    /** Drafts and approves a statement of a new MAJOR case without publishing it; returns its id. */
    private UUID approvedStatement(String title, String text) throws Exception {
        UUID id = draft(openMajorCase(), title, text);
        approveAll(id);
        return id;
    }

    private JsonNode webhookRelease(UUID id) throws Exception {
        return release(body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/publishing/statements/" + id)).andReturn()), "webhook");
    }

    private MvcResult retry(UUID id, String channel) throws Exception {
        return mvc.perform(post("/api/publishing/statements/" + id + "/releases/" + channel + "/retry")
                .header(HttpHeaders.AUTHORIZATION, as("spokesperson"))).andReturn();
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
