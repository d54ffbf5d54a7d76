package org.yuqing.publishing.statements;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.publishing.PublishingIntegrationTest;
import org.yuqing.publishing.channels.WeChatStub;
import org.yuqing.publishing.channels.WeiboStub;
import org.yuqing.security.Role;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * 政务微博 and 政务微信 switched on against loopback stubs of their APIs, released by the delivery worker: the
 * release URLs are the platforms' own, a publish job still running is asked for again later, the official account's
 * progress survives between attempts (no second draft), credentials appear in no log, response or error.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlatformChannelReleaseTest extends PublishingIntegrationTest {

    private static final String WEIBO_TOKEN = "2.00weibo-" + UUID.randomUUID();
    private static final String APP_ID = "wx" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private static final String APP_SECRET = "secret-" + UUID.randomUUID();
    private static final String COVER = "cover-" + UUID.randomUUID();
    private static final WeiboStub WEIBO;
    private static final WeChatStub WECHAT;

    static {
        try {
            WEIBO = new WeiboStub(WEIBO_TOKEN, "news.example.gov.cn");
            WECHAT = new WeChatStub(APP_ID, APP_SECRET, COVER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    private ReleaseWorker worker;

    @DynamicPropertySource
    static void platforms(DynamicPropertyRegistry r) {
        r.add("yuqing.publishing.channels.weibo.enabled", () -> "true");
        r.add("yuqing.publishing.channels.weibo.url", () -> WEIBO.url().toString());
        r.add("yuqing.publishing.channels.weibo.access-token", () -> WEIBO_TOKEN);
        r.add("yuqing.publishing.channels.weibo.rip", () -> "211.156.0.1");
        r.add("yuqing.publishing.channels.wechat.enabled", () -> "true");
        r.add("yuqing.publishing.channels.wechat.base-url", () -> WECHAT.baseUrl().toString());
        r.add("yuqing.publishing.channels.wechat.app-id", () -> APP_ID);
        r.add("yuqing.publishing.channels.wechat.app-secret", () -> APP_SECRET);
        r.add("yuqing.publishing.channels.wechat.thumb-media-id", () -> COVER);
    }

    @AfterAll
    static void stop() {
        WEIBO.close();
        WECHAT.close();
    }

    @Test
    void both_platforms_receive_the_statement_and_their_post_and_article_become_the_release_urls(CapturedOutput output)
            throws Exception {
        UUID id = publishedStatement("关于东湖化工厂事故的情况通报 " + UUID.randomUUID(), "现场处置有序。");
        assertThat(release(id, "weibo").path("status").asString()).isEqualTo("PENDING");

        worker.deliverDue(Instant.now());

        JsonNode weibo = release(id, "weibo");
        JsonNode wechat = release(id, "wechat");
        assertThat(weibo.path("status").asString()).as(weibo.toString()).isEqualTo("DELIVERED");
        assertThat(weibo.path("url").asString()).startsWith("https://m.weibo.cn/status/");
        assertThat(wechat.path("status").asString()).as(wechat.toString()).isEqualTo("DELIVERED");
        assertThat(wechat.path("url").asString()).startsWith("https://mp.weixin.qq.com/s/");
        assertThat(WEIBO.posts()).anySatisfy(p -> assertThat(p.status()).endsWith(PUBLIC_BASE + "/public/statements/" + id));
        assertThat(output.getAll()).doesNotContain(WEIBO_TOKEN).doesNotContain(APP_SECRET).doesNotContain("stub-token-");
    }

    @Test
    void a_running_publish_job_is_polled_on_a_later_pass_without_drafting_or_submitting_again() throws Exception {
        int drafts = WECHAT.drafts().size();
        int submits = WECHAT.submitted().size();
        WECHAT.publishingPolls(1);
        UUID id;
        try {
            id = publishedStatement("关于东湖化工厂事故的进展通报 " + UUID.randomUUID(), "监测数据正常。");
            Instant t0 = Instant.now();
            worker.deliverDue(t0);
            JsonNode pending = release(id, "wechat");
            assertThat(pending.path("status").asString()).isEqualTo("PENDING");
            Instant next = Instant.parse(pending.path("nextAttemptAt").asString());
            assertThat(next).isAfter(t0);

            worker.deliverDue(next);
        } finally {
            WECHAT.publishingPolls(0);
        }

        JsonNode delivered = release(id, "wechat");
        assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(2);
        assertThat(WECHAT.drafts()).hasSize(drafts + 1);
        assertThat(WECHAT.submitted()).hasSize(submits + 1);
        assertThat(jdbc.queryForObject("select progress from publishing.release_progress where statement_id = ? "
                + "and channel = 'wechat'", String.class, id)).contains("publishId");
    }

    @Test
    void administrators_see_the_channel_configuration_without_any_credential() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/publishing/channels")
                .header(HttpHeaders.AUTHORIZATION, as("admin-" + UUID.randomUUID(), Role.ADMIN))).andReturn()
                .getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode channels = json.readTree(body);
        assertThat(channels.valueStream().filter(c -> c.path("enabled").asBoolean()).map(c -> c.path("name").asString()))
                .contains("website", "weibo", "wechat");
        assertThat(channels.valueStream().filter(c -> c.path("name").asString().equals("website")).findFirst()
                .orElseThrow().path("delivery").asString()).isEqualTo("local");
        assertThat(body).doesNotContain(WEIBO_TOKEN).doesNotContain(APP_SECRET);
        assertThat(mvc.perform(get("/api/publishing/channels").header(HttpHeaders.AUTHORIZATION,
                as("publisher-" + UUID.randomUUID(), Role.PUBLISHER))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    private JsonNode release(UUID id, String channel) throws Exception {
        return body(mvc.perform(get("/api/publishing/statements/" + id)).andReturn()).path("releases").valueStream()
                .filter(r -> channel.equals(r.path("channel").asString())).findFirst().orElseThrow();
    }
}
