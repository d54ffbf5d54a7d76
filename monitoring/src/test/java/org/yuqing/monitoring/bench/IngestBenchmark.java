package org.yuqing.monitoring.bench;

import org.yuqing.monitoring.matching.TextNormalizer;
import org.yuqing.monitoring.search.PostIndex;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * End-to-end bulk ingest through the monitoring API ({@code POST /api/monitoring/posts/bulk}, NDJSON: validated,
 * matched, recorded with its incidents and events in PostgreSQL, indexed in Elasticsearch, searchable at its next
 * refresh),
 * the service running on the real local stack; the baseline, measured in the same run, is Elasticsearch's own
 * {@code _bulk} of the same documents as the service stores them (same template, same batches, same senders, and
 * like the service's bulk not waiting for a refresh). Rounds of the two alternate so both see the same load.
 *
 * <p>Posts: generated Chinese, 200–2,000 characters (unless {@code -Dbench.ingestLong=false}), then (unless
 * {@code -Dbench.ingestShort=false}) a second run of weibo/forum-length posts of 60–300 characters, published over the last 48 hours, a tenth carrying the words of
 * one of the topics (so they match and join or open incidents), the rest matching by chance or not at all.
 *
 * <p>System properties: {@code bench.ingestTopics} (300 topics created through the API first),
 * {@code bench.ingestPosts} (10000 per round), {@code bench.ingestRounds} (3 of each), {@code bench.ingestWarmRounds} (2 of each before them), {@code bench.bulkLines}
 * (1000 per request), {@code bench.clients} (2 concurrent senders), {@code bench.topicShare} (0.1).
 */
final class IngestBenchmark {

    private static final double TARGET = 5_000;

    private IngestBenchmark() {
    }

    static void run() throws Exception {
        int topicCount = Integer.getInteger("bench.ingestTopics", 300);
        int perRound = Integer.getInteger("bench.ingestPosts", 10_000);
        int rounds = Integer.getInteger("bench.ingestRounds", 3);
        int warmRounds = Integer.getInteger("bench.ingestWarmRounds", 2);
        int lines = Integer.getInteger("bench.bulkLines", 1_000);
        int clients = Integer.getInteger("bench.clients", 2);
        double topicShare = Double.parseDouble(System.getProperty("bench.topicShare", "0.1"));
        Report report = new Report("ingest", "ingest benchmark: bulk NDJSON through the monitoring API, end to end");
        String run = Long.toString(System.currentTimeMillis(), 36);
        String apiPrefix = "benchingest" + run;
        String rawPrefix = "benchraw" + run;
        ChineseCorpus corpus = new ChineseCorpus(30_000, 42);
        List<ChineseCorpus.TopicWords> topics = corpus.topics(topicCount, 13);
        try (BenchStack.Service service = BenchStack.monitoring(apiPrefix)) {
            long start = System.nanoTime();
            createTopics(service, topics);
            report.note("%d topics created through the API in %.1f s", topicCount, (System.nanoTime() - start) / 1e9);
            new PostIndex(BenchStack.client(), rawPrefix).installTemplate();

            SplittableRandom r = new SplittableRandom(17);
            Instant now = Instant.now();
            // warm-up, rounds of each side: the JIT (with one round the service's CPU time still fell by half from the
            // first measured round to the third), connection pools, the monthly indices
            for (int w = 0; w < warmRounds; w++) {
                sendAll(batches(corpus, topics, r, now, perRound, lines, topicShare, "warm" + w + "-" + run), clients,
                        body -> apiBulk(service, body));
                sendAll(rawBatches(batches(corpus, topics, r, now, perRound, lines, topicShare, "warmraw" + w + "-" + run),
                        rawPrefix), clients, body -> rawBulk(body));
            }

            report.note("%,d posts per round of each, %d rounds after %d warm-up rounds, %,d lines per request, %d concurrent "
                            + "senders, %.0f%% of the posts carrying a topic's words; Elasticsearch heap %s",
                    perRound, rounds, warmRounds, lines, clients, topicShare * 100, System.getProperty("bench.esHeap", "2g"));
            List<int[]> lengths = new ArrayList<>();
            if (Boolean.parseBoolean(System.getProperty("bench.ingestLong", "true"))) {
                lengths.add(new int[]{200, 2_000});
            }
            if (Boolean.parseBoolean(System.getProperty("bench.ingestShort", "true"))) {
                lengths.add(new int[]{60, 300});
            }
            for (int[] length : lengths) {
                String chars = length[0] + "–" + length[1];
                BulkTimings timings = BulkTimings.install();
                double[] api = new double[rounds];
                double[] raw = new double[rounds];
                for (int round = 0; round < rounds; round++) {
                    List<List<Map<String, Object>>> posts = batches(corpus, topics, r, now, perRound, lines, topicShare,
                            "r" + round + "-" + length[1] + "-" + run, length[0], length[1]);
                    // both sides send bodies built before the clock starts
                    List<String> apiBodies = posts.stream().map(IngestBenchmark::ndjson).toList();
                    List<String> rawBodies = rawBatches(posts, rawPrefix);
                    // the benchmark's own garbage (the bodies of earlier rounds, tens of megabytes) is collected before
                    // each side is timed, not by whichever side runs next in this JVM
                    System.gc();
                    NodeWork apiNodeStart = NodeWork.now();
                    CpuMeter apiStart = CpuMeter.now();
                    double apiSeconds = sendAll(apiBodies, clients, body -> apiBulk(service, body));
                    NodeWork apiNodeEnd = NodeWork.now();
                    System.gc();
                    NodeWork rawNodeStart = NodeWork.now();
                    CpuMeter rawStart = CpuMeter.now();
                    double rawSeconds = sendAll(rawBodies, clients, IngestBenchmark::rawBulk);
                    CpuMeter rawEnd = CpuMeter.now();
                    NodeWork rawNodeEnd = NodeWork.now();
                    api[round] = perRound / apiSeconds;
                    raw[round] = perRound / rawSeconds;
                    report.note("posts of %s characters, round %d: API %,.0f posts/s, raw _bulk %,.0f posts/s", chars,
                            round + 1, api[round], raw[round]);
                    report.note("  API round: %s; raw round: %s", rawStart.since(apiStart, apiSeconds),
                            rawEnd.since(rawStart, rawSeconds));
                    report.note("  API round: %s; raw round: %s", apiNodeEnd.since(apiNodeStart),
                            rawNodeEnd.since(rawNodeStart));
                }
                timings.uninstall();
                report.note("posts of %s characters, inside the service (its own log): %s", chars, timings.summary());
                double apiMean = mean(api);
                double rawMean = mean(raw);
                report.row("end-to-end bulk ingest through the API (indexed + matched + clustered), posts of " + chars
                                + " characters", "≥ 5,000 posts/s; ≥ 0.7 × raw _bulk",
                        String.format(Locale.ROOT, "%s (%.2f × raw)", Report.perSecond(apiMean), apiMean / rawMean),
                        "raw Elasticsearch _bulk of the same documents: " + Report.perSecond(rawMean),
                        Report.yesNo(apiMean >= TARGET) + " (≥ 5,000); " + Report.yesNo(apiMean >= 0.7 * rawMean) + " (≥ 0.7 × raw)");
            }
            report.note("incidents in the database (every benchmark of this run so far): %s", service.context()
                    .getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("select count(*) from monitoring.incident", Long.class));
            report.finish();
        } finally {
            BenchStack.dropIndices(apiPrefix);
            BenchStack.dropIndices(rawPrefix);
        }
    }

    static void createTopics(BenchStack.Service service, List<ChineseCorpus.TopicWords> topics) {
        URI uri = service.resolve("/api/monitoring/topics");
        int i = 0;
        for (ChineseCorpus.TopicWords t : topics) {
            Map<String, Object> body = Map.of("name", "基准主题 " + (i++) + " " + UUID.randomUUID(), "unitId", BenchStack.UNIT,
                    "regionWords", t.region(), "subjectWords", t.subject(), "eventWords", t.event(), "excludeWords", t.exclude());
            BenchStack.send(BenchStack.post(uri, "application/json", BenchStack.JSON.writeValueAsString(body),
                    BenchStack.ingestToken()));
        }
    }

    /** Posts in the shape of the single-post API, in batches. */
    static List<List<Map<String, Object>>> batches(ChineseCorpus corpus, List<ChineseCorpus.TopicWords> topics,
                                                   SplittableRandom r, Instant now, int count, int perBatch,
                                                   double topicShare, String tag) {
        return batches(corpus, topics, r, now, count, perBatch, topicShare, tag, 200, 2_000);
    }

    /** As above, with posts of {@code minChars}–{@code maxChars} characters. */
    static List<List<Map<String, Object>>> batches(ChineseCorpus corpus, List<ChineseCorpus.TopicWords> topics,
                                                   SplittableRandom r, Instant now, int count, int perBatch,
                                                   double topicShare, String tag, int minChars, int maxChars) {
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ChineseCorpus.Post p = corpus.post(r, minChars, maxChars, topics, topicShare);
            Map<String, Object> post = new LinkedHashMap<>();
            post.put("url", "https://" + p.site() + "/bench/" + tag + "/" + i);
            post.put("site", p.site());
            post.put("mediaType", p.mediaType());
            post.put("author", "网友" + r.nextInt(5_000));
            post.put("title", p.title());
            post.put("text", p.text());
            post.put("publishedAt", now.minusSeconds(r.nextLong(48 * 3600)).truncatedTo(ChronoUnit.SECONDS).toString());
            post.put("metrics", Map.of("reads", p.reads(), "comments", p.reads() / 20, "reposts", p.reads() / 50,
                    "likes", p.reads() / 10));
            batch.add(post);
            if (batch.size() == perBatch) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** The same posts as Elasticsearch _bulk bodies of the documents the service stores. */
    private static List<String> rawBatches(List<List<Map<String, Object>>> batches, String prefix) {
        PostIndex naming = new PostIndex(null, prefix);
        List<String> bodies = new ArrayList<>();
        for (List<Map<String, Object>> batch : batches) {
            StringBuilder body = new StringBuilder();
            for (Map<String, Object> post : batch) {
                Map<String, Object> doc = new LinkedHashMap<>(post);
                String url = (String) post.get("url");
                UUID id = UUID.nameUUIDFromBytes(url.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                doc.put("id", id.toString());
                doc.put("collectedAt", Instant.now().toString());
                doc.put("topicIds", List.of());
                doc.put("incidentIds", List.of());
                doc.put("unitIds", List.of(BenchStack.UNIT));
                doc.put("matchText", List.of(TextNormalizer.matchText((String) post.get("title")),
                        TextNormalizer.matchText((String) post.get("text"))));
                @SuppressWarnings("unchecked")
                Map<String, Long> m = (Map<String, Long>) post.get("metrics");
                doc.put("heat", m.get("reads") + m.get("comments") + m.get("reposts"));
                body.append("{\"index\":{\"_index\":\"").append(naming.indexFor(Instant.parse((String) post.get("publishedAt"))))
                        .append("\",\"_id\":\"").append(id).append("\"}}\n")
                        .append(BenchStack.JSON.writeValueAsString(doc)).append('\n');
            }
            bodies.add(body.toString());
        }
        return bodies;
    }

    static void apiBulk(BenchStack.Service service, List<Map<String, Object>> batch) {
        apiBulk(service, ndjson(batch));
    }

    /** The posts as a bulk body: one post JSON per line. */
    static String ndjson(List<Map<String, Object>> batch) {
        StringBuilder body = new StringBuilder();
        for (Map<String, Object> post : batch) {
            body.append(BenchStack.JSON.writeValueAsString(post)).append('\n');
        }
        return body.toString();
    }

    static void apiBulk(BenchStack.Service service, String body) {
        String answer = BenchStack.send(BenchStack.post(service.resolve("/api/monitoring/posts/bulk"), "application/x-ndjson",
                body, BenchStack.ingestToken())).body();
        long rejected = BenchStack.JSON.readTree(answer).path("rejected").asLong();
        if (rejected > 0) {
            throw new IllegalStateException("the service rejected " + rejected + " posts: " + answer.substring(0, Math.min(500, answer.length())));
        }
    }

    private static void rawBulk(String body) {
        String answer = BenchStack.send(HttpRequest.newBuilder(BenchStack.elasticsearch().httpUri()
                .resolve("/_bulk")).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body))).body();
        if (BenchStack.JSON.readTree(answer).path("errors").asBoolean()) {
            throw new IllegalStateException("Elasticsearch refused documents: " + answer.substring(0, Math.min(500, answer.length())));
        }
    }

    /** Sends every body with {@code clients} concurrent senders; returns the seconds it took. */
    private static <T> double sendAll(List<T> bodies, int clients, Consumer<T> send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<?>> all = new ArrayList<>();
            for (T body : bodies) {
                all.add(pool.submit(() -> send.accept(body)));
            }
            for (Future<?> f : all) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }
}
