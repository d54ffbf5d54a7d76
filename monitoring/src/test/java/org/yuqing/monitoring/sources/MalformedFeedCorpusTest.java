package org.yuqing.monitoring.sources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yuqing.monitoring.MonitoringIntegrationTest;
import org.yuqing.monitoring.ingest.PostIngest;
import org.yuqing.monitoring.search.PostDocument;
import org.yuqing.monitoring.search.PostIndex;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The malformed-feed corpus ({@code src/test/resources/feeds/corpus}) through the real poller, each feed served by a
 * loopback HTTP server: truncated XML, declared encodings that lie, GBK and Big5 without any declaration, items
 * without title, link or date, an item of several MB, HTML entities, CDATA, a byte order mark, RSS 0.91, 1.0, 2.0 and
 * Atom. The poller never fails, every good item of every feed becomes a post with its text decoded right, and a feed
 * that is not well-formed shows its error on the source and is retried with growing backoff.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedFeedCorpusTest extends MonitoringIntegrationTest {

    private static final String ITEMS = "https://corpus.example.cn/";
    private static final String RSS = "application/rss+xml";

    /**
     * One feed of the corpus and what reading it must give.
     *
     * @param file        the file under {@code feeds/corpus}
     * @param contentType the Content-Type it is served with
     * @param kept        the items that must become posts, by number, with their title as it must read
     * @param lost        the items that must not (no link, no text, cut off)
     * @param skipped     how many entries the poll counts as skipped
     * @param broken      whether the feed is not well-formed, so the source must show an error
     */
    private record Feed(String file, String contentType, Map<Integer, String> kept, List<Integer> lost, int skipped,
                        boolean broken) {

        String name() {
            return file.replace(".xml", "");
        }
    }

    private static final List<Feed> CORPUS = List.of(
            new Feed("rss20.xml", RSS, Map.of(1, "语料RSS2第一条语料厂通报", 2, "语料RSS2第二条消防救援"), List.of(), 0, false),
            new Feed("rss091.xml", RSS, Map.of(1, "语料RSS091第一条旧格式 通报", 2, "语料RSS091第二条旧格式"), List.of(), 0, false),
            new Feed("rss10.xml", "application/rdf+xml", Map.of(1, "语料RSS10第一条RDF格式", 2, "语料RSS10第二条RDF格式"),
                    List.of(), 0, false),
            new Feed("atom.xml", "application/atom+xml", Map.of(1, "语料Atom第一条", 2, "语料Atom第二条"), List.of(), 0, false),
            new Feed("truncated.xml", RSS, Map.of(1, "语料截断第一条", 2, "语料截断第二条", 3, "语料截断第三条"), List.of(4), 0, true),
            new Feed("stray-markup.xml", RSS, Map.of(1, "语料未闭合标签第一条", 2, "语料未闭合标签第二条"), List.of(), 0, true),
            // the HTTP header lies as well as the prolog: the bytes decide
            new Feed("declared-gbk-but-utf8.xml", "text/xml; charset=GBK",
                    Map.of(1, "语料声明GBK实为UTF8第一条", 2, "语料声明GBK实为UTF8第二条"), List.of(), 0, false),
            new Feed("declared-utf8-but-gbk.xml", "application/xml; charset=utf-8",
                    Map.of(1, "语料声明UTF8实为GBK第一条", 2, "语料声明UTF8实为GBK第二条"), List.of(), 0, false),
            new Feed("gbk-undeclared.xml", RSS, Map.of(1, "语料未声明GBK第一条语料厂外溢", 2, "语料未声明GBK第二条"), List.of(), 0, false),
            new Feed("big5-undeclared.xml", RSS, Map.of(1, "語料未聲明Big5第一條語料廠外溢", 2, "語料未聲明Big5第二條"), List.of(), 0, false),
            new Feed("missing-fields.xml", RSS, Map.of(1, "", 2, "语料缺日期", 5, "语料字段齐全"), List.of(4), 2, false),
            new Feed("huge-item.xml", RSS, Map.of(1, "语料超大条目", 2, "语料超大之后的条目"), List.of(), 0, false),
            new Feed("entities-cdata.xml", RSS, Map.of(1, "“语料实体”巨响 & 外溢 语料厂", 2, "语料CDATA标题 粗"), List.of(), 0, false),
            new Feed("bom.xml", RSS, Map.of(1, "语料带BOM第一条"), List.of(), 0, false));

    /** About 3 MB of text for the huge item, made here rather than kept in the repository. */
    private static final String HUGE = "语料超大条目的正文。".repeat(3 * 1024 * 1024 / 30);

    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final Map<String, String> types = new ConcurrentHashMap<>();
    private final Map<String, UUID> sources = new LinkedHashMap<>();

    @Autowired
    FeedPoller poller;
    @Autowired
    PostIndex index;

    @BeforeAll
    void serveTheCorpusAndPollItOnce() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        String run = UUID.randomUUID().toString();
        for (Feed feed : CORPUS) {
            String path = "/corpus/" + run + "/" + feed.file();
            byte[] bytes = resource(feed.file());
            if (feed.file().equals("huge-item.xml")) {
                bytes = new String(bytes, StandardCharsets.UTF_8).replace("{{HUGE}}", HUGE).getBytes(StandardCharsets.UTF_8);
            }
            served.put(path, bytes);
            types.put(path, feed.contentType());
            sources.put(feed.file(), source(path));
        }
        sources.values().forEach(this::makeDue);
        assertThat(pollAllDue()).isGreaterThanOrEqualTo(CORPUS.size());
    }

    @AfterAll
    void stopServer() {
        server.stop(0);
    }

    @Test
    void every_good_item_of_every_feed_is_kept_with_its_text_decoded_right() {
        List<String> wrong = new ArrayList<>();
        for (Feed feed : CORPUS) {
            feed.kept().forEach((n, title) -> {
                PostDocument post = stored(feed, n);
                if (post == null) {
                    wrong.add(feed.file() + " item " + n + " was not kept");
                } else if (!post.title().equals(title)) {
                    wrong.add(feed.file() + " item " + n + " reads '" + post.title() + "', not '" + title + "'");
                }
            });
            for (int n : feed.lost()) {
                if (stored(feed, n) != null) {
                    wrong.add(feed.file() + " item " + n + " should not be a post");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void html_entities_cdata_and_markup_become_plain_text_and_missing_fields_get_defaults() {
        PostDocument entities = stored(feed("entities-cdata.xml"), 1);
        assertThat(entities.text()).contains("第一段 & 加粗").contains("第二段").doesNotContain("alert", "<", "&nbsp;");
        assertThat(stored(feed("entities-cdata.xml"), 2).text()).isEqualTo("转义的<HTML>");
        assertThat(stored(feed("atom.xml"), 1).text()).isEqualTo("Atom 第一条 正文");
        assertThat(stored(feed("atom.xml"), 2).text()).isEqualTo("Atom 第二条摘要");
        assertThat(stored(feed("big5-undeclared.xml"), 1).text()).isEqualTo("語料廠發生外溢，周邊居民已經疏散。");
        assertThat(stored(feed("missing-fields.xml"), 1).text()).isEqualTo("语料缺标题的正文");
        // no date: the time it was collected
        assertThat(stored(feed("missing-fields.xml"), 2).publishedAt()).isAfter(Instant.now().minus(Duration.ofHours(1)));
        assertThat(stored(feed("rss10.xml"), 2).publishedAt()).isEqualTo(Instant.parse("2026-11-21T01:00:00Z"));
        // the item of several MB is kept, its text cut to the longest a post may have
        assertThat(stored(feed("huge-item.xml"), 1).text()).hasSize(PostIngest.MAX_TEXT_LENGTH).startsWith("语料超大条目的正文。");
    }

    @Test
    void a_broken_feed_shows_its_error_on_the_source_and_a_good_one_does_not() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Feed feed : CORPUS) {
            JsonNode source = getJson("/api/monitoring/sources/" + sources.get(feed.file()));
            String status = source.path("status").asString();
            int ingested = source.path("lastIngested").asInt();
            int skipped = source.path("lastSkipped").asInt();
            if (ingested != feed.kept().size() || skipped != feed.skipped()) {
                wrong.add(feed.file() + " counted " + ingested + " ingested, " + skipped + " skipped");
            }
            if (feed.broken()) {
                if (!status.equals("FAILING") || !source.path("lastError").asString().contains("unreadable feed")
                        || source.path("consecutiveFailures").asInt() < 1) {
                    wrong.add(feed.file() + " shows " + status + " / " + source.path("lastError"));
                }
            } else if (!status.equals("OK") || !source.path("lastError").isNull()) {
                wrong.add(feed.file() + " shows " + status + " / " + source.path("lastError"));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_broken_feed_is_retried_with_doubling_backoff_and_keeps_its_items_once() throws Exception {
        UUID id = sources.get("truncated.xml");
        JsonNode first = getJson("/api/monitoring/sources/" + id);
        assertThat(delay(first)).isEqualTo(Duration.ofMinutes(1));

        makeDue(id);
        pollAllDue();

        JsonNode second = getJson("/api/monitoring/sources/" + id);
        assertThat(second.path("consecutiveFailures").asInt()).isEqualTo(2);
        assertThat(delay(second)).isEqualTo(Duration.ofMinutes(2));
        assertThat(second.path("lastIngested").asInt()).isEqualTo(3);
        assertThat(stored(feed("truncated.xml"), 1)).isNotNull();
        assertThat(stored(feed("truncated.xml"), 4)).isNull();
    }

    private static Duration delay(JsonNode source) {
        return Duration.between(Instant.parse(source.path("lastPolledAt").asString()),
                Instant.parse(source.path("nextPollAt").asString()));
    }

    private int pollAllDue() {
        int polled = 0;
        for (int n = poller.pollDue(); n > 0; n = poller.pollDue()) {
            polled += n;
        }
        return polled;
    }

    private static Feed feed(String file) {
        return CORPUS.stream().filter(f -> f.file().equals(file)).findFirst().orElseThrow();
    }

    private PostDocument stored(Feed feed, int n) {
        return index.find(PostIngest.postId(ITEMS + feed.name() + "/" + n)).orElse(null);
    }

    private UUID source(String path) throws Exception {
        MvcResult r = mvc.perform(post("/api/monitoring/sources").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("name", "语料 " + path, "kind", "FEED",
                        "url", "http://127.0.0.1:" + server.getAddress().getPort() + path, "unitId", UNIT,
                        "pollInterval", "PT30M")))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return UUID.fromString(body(r).path("id").asString());
    }

    private void makeDue(UUID id) {
        jdbc.update("update monitoring.source set next_poll_at = now() - interval '1 second' where id = ?", id);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", types.get(exchange.getRequestURI().getPath()));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] resource(String file) {
        try (InputStream in = MalformedFeedCorpusTest.class.getResourceAsStream("/feeds/corpus/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus file " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
