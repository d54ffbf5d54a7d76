package org.yuqing.monitoring.sources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.monitoring.ingest.PostIngest;
import org.yuqing.monitoring.search.PostIndex;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The poller against feeds served by a local HTTP server, ingesting into the real stack. */
class FeedPollerTest extends MonitoringIntegrationTest {

    /** What the local server answers on one path. */
    private record Served(byte[] body, String contentType, String etag, int status, long delayMillis) {
    }

    private static HttpServer server;
    private static final Map<String, Served> FEEDS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();
    private static final List<String> CONDITIONAL_REQUESTS = new CopyOnWriteArrayList<>();

    @Autowired
    FeedPoller poller;
    @Autowired
    PostIndex index;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", FeedPollerTest::answer);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        HITS.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Served served = FEEDS.get(path);
        try (exchange) {
            if (served == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (served.delayMillis() > 0) {
                Thread.sleep(served.delayMillis());
            }
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (ifNoneMatch != null) {
                CONDITIONAL_REQUESTS.add(path);
            }
            if (served.etag() != null && served.etag().equals(ifNoneMatch)) {
                exchange.getResponseHeaders().add("ETag", served.etag());
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            if (served.contentType() != null) {
                exchange.getResponseHeaders().add("Content-Type", served.contentType());
            }
            if (served.etag() != null) {
                exchange.getResponseHeaders().add("ETag", served.etag());
            }
            exchange.sendResponseHeaders(served.status(), served.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(served.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String serve(String xml, Charset charset, String contentType, String etag) {
        String path = "/feeds/" + UUID.randomUUID() + ".xml";
        FEEDS.put(path, new Served(xml.getBytes(charset), contentType, etag, 200, 0));
        return path;
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static int hits(String path) {
        return HITS.getOrDefault(path, new AtomicInteger()).get();
    }

    private UUID source(String path) throws Exception {
        MvcResult r = mvc.perform(post("/api/monitoring/sources").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("name", "测试源 " + path, "kind", "FEED", "url", url(path),
                        "unitId", "district", "pollInterval", "PT30M")))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return UUID.fromString(body(r).path("id").asString());
    }

    private JsonNode sourceStatus(UUID id) throws Exception {
        return getJson("/api/monitoring/sources/" + id);
    }

    private void makeDue(UUID id) {
        jdbc.update("update monitoring.source set next_poll_at = now() - interval '1 second' where id = ?", id);
    }

    /** The post as stored, read from the post store directly: a post that matched no topic is visible to no user. */
    private JsonNode storedPost(String url) {
        return index.find(PostIngest.postId(url)).<JsonNode>map(json::valueToTree).orElse(null);
    }

    private static String rss(String encoding, String... items) {
        return (encoding == null ? "<?xml version=\"1.0\"?>\n" : "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n")
                + "<rss version=\"2.0\"><channel><title>测试</title><link>http://news.example.cn/</link>"
                + "<description>d</description>" + String.join("", items) + "</channel></rss>";
    }

    private static String item(String link, String title, String description, String pubDate) {
        return "<item>" + (link == null ? "" : "<link>" + link + "</link>") + "<title>" + title + "</title>"
                + "<description><![CDATA[" + description + "]]></description>"
                + (pubDate == null ? "" : "<pubDate>" + pubDate + "</pubDate>") + "</item>";
    }

    private static String link() {
        return "https://news.example.cn/a/" + UUID.randomUUID() + ".htm";
    }

    @Test
    void an_rss_feed_becomes_posts_with_plain_text_the_link_host_as_site_and_the_pub_date() throws Exception {
        String first = link();
        String second = link();
        String path = serve(rss("UTF-8",
                item(first, "东湖通报 &amp; 说明", "<p>第一段&nbsp;内容</p><p>第二段<b>加粗</b></p><script>x()</script>",
                        "Sat, 21 Nov 2026 08:30:00 GMT"),
                item(second, "第二条", "只有文字", "Sat, 21 Nov 2026 09:00:00 GMT")),
                StandardCharsets.UTF_8, "application/rss+xml", null);
        UUID id = source(path);

        poller.pollDue();

        JsonNode stored = storedPost(first);
        assertThat(stored).isNotNull();
        assertThat(stored.path("title").asString()).isEqualTo("东湖通报 & 说明");
        assertThat(stored.path("text").asString()).isEqualTo("第一段 内容\n第二段 加粗");
        assertThat(stored.path("site").asString()).isEqualTo("news.example.cn");
        assertThat(stored.path("mediaType").asString()).isEqualTo("NEWS");
        assertThat(stored.path("sourceId").asString()).isEqualTo(id.toString());
        assertThat(Instant.parse(stored.path("publishedAt").asString())).isEqualTo(Instant.parse("2026-11-21T08:30:00Z"));
        assertThat(storedPost(second)).isNotNull();
        JsonNode status = sourceStatus(id);
        assertThat(status.path("status").asString()).isEqualTo("OK");
        assertThat(status.path("lastIngested").asInt()).isEqualTo(2);
        assertThat(status.path("lastSkipped").asInt()).isZero();
        assertThat(Duration.between(Instant.parse(status.path("lastPolledAt").asString()),
                Instant.parse(status.path("nextPollAt").asString()))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void poll_now_polls_a_source_that_is_not_due_in_the_background_and_its_status_shows_the_result() throws Exception {
        String link = link();
        String path = serve(rss("UTF-8", item(link, "立即采集", "立即采集的内容", "Sat, 21 Nov 2026 08:30:00 GMT")),
                StandardCharsets.UTF_8, "application/rss+xml", null);
        UUID id = source(path);
        jdbc.update("update monitoring.source set next_poll_at = now() + interval '1 day' where id = ?", id);

        MvcResult r = mvc.perform(post("/api/monitoring/sources/" + id + "/poll")).andReturn();

        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(202);
        assertThat(body(r).path("id").asString()).isEqualTo(id.toString());
        JsonNode status = sourceStatus(id);
        for (int i = 0; i < 100 && status.path("lastPolledAt").isNull(); i++) {
            Thread.sleep(100);
            status = sourceStatus(id);
        }
        assertThat(status.path("status").asString()).isEqualTo("OK");
        assertThat(status.path("lastIngested").asInt()).isEqualTo(1);
        assertThat(hits(path)).isEqualTo(1);
        assertThat(storedPost(link)).isNotNull();
    }

    @Test
    void poll_now_of_a_broken_feed_shows_its_error_on_the_source() throws Exception {
        UUID id = source("/feeds/missing-" + UUID.randomUUID() + ".xml");
        jdbc.update("update monitoring.source set next_poll_at = now() + interval '1 day' where id = ?", id);

        assertThat(mvc.perform(post("/api/monitoring/sources/" + id + "/poll")).andReturn().getResponse().getStatus())
                .isEqualTo(202);
        JsonNode status = sourceStatus(id);
        for (int i = 0; i < 100 && status.path("lastPolledAt").isNull(); i++) {
            Thread.sleep(100);
            status = sourceStatus(id);
        }
        assertThat(status.path("status").asString()).isEqualTo("FAILING");
        assertThat(status.path("lastError").asString()).contains("404");
    }

    @Test
    void poll_now_of_an_unknown_source_is_a_404_problem() throws Exception {
        MvcResult r = mvc.perform(post("/api/monitoring/sources/" + UUID.randomUUID() + "/poll")).andReturn();

        assertThat(r.getResponse().getStatus()).isEqualTo(404);
        assertThat(MediaType.parseMediaType(r.getResponse().getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void an_atom_feed_becomes_posts_and_an_entry_without_published_uses_updated() throws Exception {
        String link = link();
        String path = serve("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>通报</title><id>urn:test:feed</id><updated>2026-11-21T10:00:00Z</updated>
                  <entry>
                    <title>关于情况的通报</title>
                    <id>urn:test:entry:1</id>
                    <link rel="alternate" href="%s"/>
                    <updated>2026-11-21T10:00:00Z</updated>
                    <content type="html">&lt;p&gt;今日上午发生&lt;em&gt;情况&lt;/em&gt;。&lt;/p&gt;</content>
                  </entry>
                </feed>
                """.formatted(link).strip(), StandardCharsets.UTF_8, "application/atom+xml", null);
        source(path);

        poller.pollDue();

        JsonNode stored = storedPost(link);
        assertThat(stored).isNotNull();
        assertThat(stored.path("title").asString()).isEqualTo("关于情况的通报");
        assertThat(stored.path("text").asString()).isEqualTo("今日上午发生 情况 。");
        assertThat(stored.path("externalId").asString()).isEqualTo("urn:test:entry:1");
        assertThat(Instant.parse(stored.path("publishedAt").asString())).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    }

    @Test
    void a_gbk_feed_declared_only_in_the_http_header_reads_right() throws Exception {
        String link = link();
        String path = serve(rss(null, item(link, "化工厂泄漏通报", "周边居民已疏散", null)),
                Charset.forName("GBK"), "text/xml; charset=GBK", null);
        source(path);

        poller.pollDue();

        JsonNode stored = storedPost(link);
        assertThat(stored).isNotNull();
        assertThat(stored.path("title").asString()).isEqualTo("化工厂泄漏通报");
        assertThat(stored.path("text").asString()).isEqualTo("周边居民已疏散");
    }

    @Test
    void the_http_charset_wins_over_a_contradicting_prolog() throws Exception {
        String link = link();
        String path = serve(rss("UTF-8", item(link, "㐀扩展字符与中文标题", "正文内容", null)),
                Charset.forName("GB18030"), "application/rss+xml;charset=\"gb18030\"", null);
        source(path);

        poller.pollDue();

        JsonNode stored = storedPost(link);
        assertThat(stored).isNotNull();
        assertThat(stored.path("title").asString()).isEqualTo("㐀扩展字符与中文标题");
    }

    @Test
    void a_big5_feed_declared_in_the_prolog_reads_right() throws Exception {
        String link = link();
        String path = serve(rss("Big5", item(link, "臺灣颱風災情報導", "災區民眾已經撤離", null)),
                Charset.forName("Big5"), "application/xml", null);
        source(path);

        poller.pollDue();

        JsonNode stored = storedPost(link);
        assertThat(stored).isNotNull();
        assertThat(stored.path("title").asString()).isEqualTo("臺灣颱風災情報導");
        assertThat(stored.path("text").asString()).isEqualTo("災區民眾已經撤離");
    }

    @Test
    void a_second_poll_sends_the_etag_gets_304_and_ingests_nothing() throws Exception {
        String first = link();
        String path = serve(rss("UTF-8", item(first, "第一条", "内容一", null)), StandardCharsets.UTF_8,
                "application/rss+xml", "\"v1\"");
        UUID id = source(path);
        poller.pollDue();
        Instant firstSuccess = Instant.parse(sourceStatus(id).path("lastSuccessAt").asString());
        // The feed changes but its ETag does not: a conditional GET must not see the new entry.
        String later = link();
        FEEDS.put(path, new Served(rss("UTF-8", item(first, "第一条", "内容一", null), item(later, "第二条", "内容二", null))
                .getBytes(StandardCharsets.UTF_8), "application/rss+xml", "\"v1\"", 200, 0));
        makeDue(id);

        poller.pollDue();

        assertThat(hits(path)).isEqualTo(2);
        assertThat(CONDITIONAL_REQUESTS).containsOnlyOnce(path);
        assertThat(storedPost(first)).isNotNull();
        assertThat(storedPost(later)).isNull();
        JsonNode status = sourceStatus(id);
        assertThat(status.path("status").asString()).isEqualTo("OK");
        assertThat(Instant.parse(status.path("lastSuccessAt").asString())).isAfter(firstSuccess);
        assertThat(status.path("lastIngested").asInt()).isEqualTo(1);
    }

    @Test
    void a_truncated_feed_records_the_error_backs_off_exponentially_and_leaves_other_sources_alone() throws Exception {
        String good = link();
        String full = rss("UTF-8", item(link(), "标题", "正文", null));
        String brokenPath = serve(full.substring(0, full.length() / 2), StandardCharsets.UTF_8, "application/rss+xml", null);
        String goodPath = serve(rss("UTF-8", item(good, "好的", "正文", null)), StandardCharsets.UTF_8, "application/rss+xml", null);
        UUID broken = source(brokenPath);
        UUID healthy = source(goodPath);

        poller.pollDue();

        JsonNode failing = sourceStatus(broken);
        assertThat(failing.path("status").asString()).isEqualTo("FAILING");
        assertThat(failing.path("lastError").asString()).startsWith("unreadable feed");
        assertThat(failing.path("consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(backoff(failing)).isEqualTo(Duration.ofMinutes(1));
        assertThat(sourceStatus(healthy).path("status").asString()).isEqualTo("OK");
        assertThat(storedPost(good)).isNotNull();

        makeDue(broken);
        poller.pollDue();
        makeDue(broken);
        poller.pollDue();
        failing = sourceStatus(broken);
        assertThat(failing.path("consecutiveFailures").asInt()).isEqualTo(3);
        assertThat(backoff(failing)).isEqualTo(Duration.ofMinutes(4));

        String fixed = link();
        FEEDS.put(brokenPath, new Served(rss("UTF-8", item(fixed, "修好了", "正文", null)).getBytes(StandardCharsets.UTF_8),
                "application/rss+xml", null, 200, 0));
        makeDue(broken);
        poller.pollDue();
        JsonNode recovered = sourceStatus(broken);
        assertThat(recovered.path("status").asString()).isEqualTo("OK");
        assertThat(recovered.path("lastError").isNull()).isTrue();
        assertThat(recovered.path("consecutiveFailures").asInt()).isZero();
        assertThat(storedPost(fixed)).isNotNull();
    }

    private static Duration backoff(JsonNode status) {
        return Duration.between(Instant.parse(status.path("lastPolledAt").asString()),
                Instant.parse(status.path("nextPollAt").asString()));
    }

    @Test
    void an_http_error_is_recorded_as_the_last_error() throws Exception {
        String path = "/feeds/" + UUID.randomUUID() + ".xml";
        FEEDS.put(path, new Served("oops".getBytes(StandardCharsets.UTF_8), "text/plain", null, 500, 0));
        UUID id = source(path);

        poller.pollDue();

        JsonNode status = sourceStatus(id);
        assertThat(status.path("status").asString()).isEqualTo("FAILING");
        assertThat(status.path("lastError").asString()).startsWith("HTTP 500");
    }

    @Test
    void an_entry_without_a_link_is_skipped_and_counted_and_the_good_ones_are_ingested() throws Exception {
        String a = link();
        String b = link();
        String path = serve(rss("UTF-8", item(a, "好一", "正文一", null), item(null, "没有链接", "正文", null),
                item(b, "好二", "正文二", null)), StandardCharsets.UTF_8, "application/rss+xml", null);
        UUID id = source(path);

        poller.pollDue();

        assertThat(storedPost(a)).isNotNull();
        assertThat(storedPost(b)).isNotNull();
        JsonNode status = sourceStatus(id);
        assertThat(status.path("status").asString()).isEqualTo("OK");
        assertThat(status.path("lastIngested").asInt()).isEqualTo(2);
        assertThat(status.path("lastSkipped").asInt()).isEqualTo(1);
    }

    @Test
    void an_entry_matching_a_topic_opens_an_incident_like_an_api_post() throws Exception {
        String region = uniqueWord();
        UUID topic = topic(List.of(region), List.of("化工厂"), List.of("泄漏"), List.of());
        String link = link();
        String path = serve(rss("UTF-8", item(link, region + "化工厂发生泄漏", region + "一家化工厂发生危化品泄漏，居民已疏散。", null)),
                StandardCharsets.UTF_8, "application/rss+xml", null);
        source(path);

        poller.pollDue();

        JsonNode stored = storedPost(link);
        assertThat(stored).isNotNull();
        assertThat(texts(stored.path("topicIds"))).containsExactly(topic.toString());
        assertThat(stored.path("incidentIds")).hasSize(1);
        JsonNode incident = getJson("/api/monitoring/incidents/" + stored.path("incidentIds").get(0).asString());
        assertThat(incident.path("topicId").asString()).isEqualTo(topic.toString());
    }

    @Test
    void two_replicas_polling_at_once_fetch_each_due_source_once() throws Exception {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String path = "/feeds/" + UUID.randomUUID() + ".xml";
            FEEDS.put(path, new Served(rss("UTF-8", item(link(), "标题" + i, "正文", null)).getBytes(StandardCharsets.UTF_8),
                    "application/rss+xml", null, 200, 300));
            source(path);
            paths.add(path);
        }
        try (ExecutorService replicas = Executors.newFixedThreadPool(2)) {
            Future<Integer> one = replicas.submit(poller::pollDue);
            Future<Integer> two = replicas.submit(poller::pollDue);
            assertThat(one.get() + two.get()).isGreaterThanOrEqualTo(3);
        }

        assertThat(paths).allSatisfy(path -> assertThat(hits(path)).isEqualTo(1));
    }

    @Test
    void sources_are_listed_and_an_invalid_or_unknown_one_is_a_problem() throws Exception {
        UUID id = source(serve(rss("UTF-8"), StandardCharsets.UTF_8, "application/rss+xml", null));
        JsonNode fresh = sourceStatus(id);
        assertThat(fresh.path("status").asString()).isEqualTo("NEW");
        assertThat(fresh.path("pollInterval").asString()).isEqualTo("PT30M");
        assertThat(getJson("/api/monitoring/sources").valueStream().map(s -> s.path("id").asString()))
                .contains(id.toString());

        MvcResult invalid = mvc.perform(post("/api/monitoring/sources").contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"EMAIL\", \"url\": \"ftp://x\", \"mediaType\": \"TV\", \"pollInterval\": \"PT1S\"}"))
                .andReturn();
        assertThat(invalid.getResponse().getStatus()).isEqualTo(400);
        assertThat(MediaType.parseMediaType(invalid.getResponse().getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(invalid).path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactly("name", "kind", "url", "unitId", "mediaType", "pollInterval");

        MvcResult unknown = mvc.perform(get("/api/monitoring/sources/" + UUID.randomUUID())).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(MediaType.parseMediaType(unknown.getResponse().getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
