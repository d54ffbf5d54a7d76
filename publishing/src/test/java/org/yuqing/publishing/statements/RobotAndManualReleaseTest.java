package org.yuqing.publishing.statements;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.publishing.PublishingIntegrationTest;
import org.yuqing.publishing.channels.RobotStub;
import org.yuqing.security.Role;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Releases with the WeCom and DingTalk group robots (credentials from configuration, a local stub written to their
 * webhook contracts) and the manual channel switched on: the robots get the approved robot rendition from the
 * delivery worker; the manual release waits PENDING with its copy-ready text until a publisher records the proof.
 */
class RobotAndManualReleaseTest extends PublishingIntegrationTest {

    private static final String KEY = "wecom-key-" + UUID.randomUUID();
    private static final String TOKEN = "ding-token-" + UUID.randomUUID();
    private static final String SECRET = "SEC" + UUID.randomUUID().toString().replace("-", "");
    private static final RobotStub ROBOTS;

    static {
        try {
            ROBOTS = new RobotStub(KEY, TOKEN, SECRET, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    private ReleaseWorker worker;

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry r) {
        r.add("yuqing.publishing.channels.wecom.enabled", () -> "true");
        r.add("yuqing.publishing.channels.wecom.url", () -> ROBOTS.wecomUrl().toString());
        r.add("yuqing.publishing.channels.wecom.key", () -> KEY);
        r.add("yuqing.publishing.channels.dingtalk.enabled", () -> "true");
        r.add("yuqing.publishing.channels.dingtalk.url", () -> ROBOTS.dingTalkUrl().toString());
        r.add("yuqing.publishing.channels.dingtalk.access-token", () -> TOKEN);
        r.add("yuqing.publishing.channels.dingtalk.secret", () -> SECRET);
        r.add("yuqing.publishing.channels.manual.enabled", () -> "true");
    }

    @AfterAll
    static void stop() {
        ROBOTS.close();
    }

    @Test
    void the_robots_receive_the_approved_markdown_and_the_manual_release_waits_with_its_copy_text() throws Exception {
        UUID id = publishedStatement("关于东湖化工厂泄漏的情况通报", "今日上午发生泄漏。\n暂无人员伤亡。");

        assertThat(releases(id)).containsExactlyInAnyOrder("website:DELIVERED", "wecom:PENDING", "dingtalk:PENDING",
                "manual:PENDING");
        worker.deliverDue(Instant.now());
        worker.deliverDue(Instant.now().plusSeconds(3600));

        assertThat(releases(id)).as("the worker never takes the manual release")
                .containsExactlyInAnyOrder("website:DELIVERED", "wecom:DELIVERED", "dingtalk:DELIVERED",
                        "manual:PENDING");
        JsonNode renditions = body(mvc.perform(get("/api/publishing/statements/" + id + "/renditions")).andReturn());
        String robot = rendition(renditions, "robot");
        List<RobotStub.Received> wecom = ROBOTS.received("wecom").stream()
                .filter(r -> r.body().path("markdown").path("content").asString().equals(robot)).toList();
        assertThat(wecom).hasSize(1);
        assertThat(wecom.getFirst().errcode()).isZero();
        List<RobotStub.Received> ding = ROBOTS.received("dingtalk").stream()
                .filter(r -> r.body().path("markdown").path("text").asString().equals(robot)).toList();
        assertThat(ding).hasSize(1);
        assertThat(ding.getFirst().errcode()).as("signed with the configured secret").isZero();
        JsonNode manual = release(view(id), "manual");
        assertThat(manual.path("status").asString()).isEqualTo("PENDING");
        assertThat(manual.path("nextAttemptAt").isNull()).isTrue();
        assertThat(manual.path("copyText").asString()).isEqualTo(rendition(renditions, "microblog"))
                .isEqualTo("【关于东湖化工厂泄漏的情况通报】今日上午发生泄漏。\n暂无人员伤亡。 " + PUBLIC_BASE
                        + "/public/statements/" + id);
        assertThat(release(view(id), "wecom").path("copyText").isNull()).isTrue();
    }

    @Test
    void a_publisher_proves_the_manual_release_with_its_url_which_marks_it_delivered_and_is_audited() throws Exception {
        UUID id = publishedStatement("关于东湖化工厂泄漏的进展通报", "监测数据正常。");
        String publisher = "press-" + UUID.randomUUID();
        String proof = "https://weibo.example.cn/dhq/status/" + UUID.randomUUID();

        MvcResult proven = prove(id, Map.of("url", proof), publisher, Role.PUBLISHER);

        assertThat(proven.getResponse().getStatus()).as(proven.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode manual = release(body(proven), "manual");
        assertThat(manual.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(manual.path("url").asString()).isEqualTo(proof);
        assertThat(manual.path("attempts").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForList("select action || ' ' || outcome || ' ' || target || ' ' || detail"
                + " from publishing.audit_event where actor = ?", String.class, publisher))
                .containsExactly("RELEASE DONE statement " + id + " released by hand on channel manual, proof " + proof);

        MvcResult again = prove(id, Map.of("url", proof + "/2"), publisher, Role.PUBLISHER);
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(again).path("type").asString()).isEqualTo("urn:yuqing:publishing:release-already-proven");
        assertThat(release(view(id), "manual").path("url").asString()).isEqualTo(proof);
    }

    @Test
    void a_proof_needs_a_publisher_and_an_http_url_and_a_statement_with_a_manual_release() throws Exception {
        UUID id = publishedStatement("关于东湖化工厂泄漏的情况说明", "正文。");

        MvcResult leader = prove(id, Map.of("url", "https://weibo.example.cn/1"), "leader-" + UUID.randomUUID(),
                Role.LEADER, Role.ANALYST, Role.UNIT_HANDLER, Role.MONITOR, Role.ADMIN);
        assertThat(leader.getResponse().getStatus()).isEqualTo(403);
        for (String bad : List.of("", "javascript:alert(1)", "/relative/path", "ftp://media.example.cn/x",
                "https://" + "x".repeat(2000))) {
            MvcResult invalid = prove(id, Map.of("url", bad), "press", Role.PUBLISHER);
            assertThat(invalid.getResponse().getStatus()).as(bad).isEqualTo(422);
            assertThat(invalid.getResponse().getContentType()).startsWith("application/problem+json");
        }
        assertThat(prove(id, Map.of(), "press", Role.PUBLISHER).getResponse().getStatus()).isEqualTo(422);
        assertThat(release(view(id), "manual").path("status").asString()).isEqualTo("PENDING");
        UUID draft = draft(openMajorCase(), "未发布的草稿", "正文");
        MvcResult none = prove(draft, Map.of("url", "https://weibo.example.cn/2"), "press", Role.PUBLISHER);
        assertThat(none.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(none).path("type").asString()).isEqualTo("urn:yuqing:publishing:release-not-found");
        assertThat(mvc.perform(post("/api/publishing/statements/" + id + "/releases/manual/proof")
                .header(HttpHeaders.AUTHORIZATION, as("press", Role.PUBLISHER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"url\":")).andReturn().getResponse().getStatus())
                .as("malformed JSON").isEqualTo(400);
    }

    private MvcResult prove(UUID id, Map<String, String> body, String login, Role... roles) throws Exception {
        return mvc.perform(post("/api/publishing/statements/" + id + "/releases/manual/proof")
                .header(HttpHeaders.AUTHORIZATION, as(login, roles))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn();
    }

    private JsonNode view(UUID id) throws Exception {
        return body(mvc.perform(get("/api/publishing/statements/" + id)).andReturn());
    }

    private List<String> releases(UUID id) {
        return jdbc.queryForList("select channel || ':' || status from publishing.release where statement_id = ?",
                String.class, id);
    }

    private static JsonNode release(JsonNode view, String channel) {
        return view.path("releases").valueStream().filter(r -> channel.equals(r.path("channel").asString()))
                .findFirst().orElseThrow();
    }

    private static String rendition(JsonNode view, String channel) {
        return view.path("renditions").valueStream().filter(r -> r.path("channel").asString().equals(channel))
                .findFirst().orElseThrow().path("content").asString();
    }
}
