package org.yuqing.monitoring.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import org.yuqing.monitoring.matching.TextNormalizer;
import org.yuqing.monitoring.search.PostDocument;
import org.yuqing.monitoring.search.PostFilter;
import org.yuqing.monitoring.search.PostIndex;
import org.yuqing.monitoring.search.PostQuery;
import org.yuqing.monitoring.search.PostSearchResult;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Keyword search with highlights and aggregations ({@link PostIndex#search}, the code behind
 * {@code GET /api/monitoring/posts/search}) over at least 1,000,000 posts; the baseline, measured in the same run and
 * interleaved with it, is a bare {@code match_phrase} on the text (same term, 20 hits, no highlight, no aggregations,
 * no unit filter). Latency is measured at the client (request to parsed answer), one query at a time.
 *
 * <p>The posts are bulk-loaded straight into Elasticsearch through the product's own index template (monthly indices
 * {@code benchsearch-yyyy.MM} behind the alias {@code benchsearch}), documents shaped as the service stores them
 * ({@code matchText}, {@code heat}, {@code unitIds}). They stay in the benchmark node's directory ({@code /tmp/bench-es},
 * {@code -Dbench.esDir}): a rerun loads only what is missing; {@code -Dbench.reload=true} drops and loads afresh.
 * The posts are generated like the matcher's, 60–300 characters (weibo and forum length, to load a million in minutes),
 * published over the last 90 days, each of one of ten units; the searching user's scope holds three of them.
 *
 * <p>System properties: {@code bench.searchPosts} (1000000), {@code bench.queries} (200 measured of each kind after
 * {@code bench.warmupQueries}, 40).
 */
final class SearchBenchmark {

    private static final String PREFIX = "benchsearch";
    private static final double TARGET_P95_MS = 150;
    private static final int BATCH = 2_000;
    private static final List<String> UNITS = List.of("district", "east", "west", "north", "south", "city", "county-1",
            "county-2", "county-3", "county-4");
    private static final Set<String> SCOPE = Set.of("district", "east", "west");

    private SearchBenchmark() {
    }

    static void run() throws Exception {
        int posts = Integer.getInteger("bench.searchPosts", 1_000_000);
        int queries = Integer.getInteger("bench.queries", 200);
        int warmupQueries = Integer.getInteger("bench.warmupQueries", 40);
        Report report = new Report("search", "search benchmark: keyword search with highlights and aggregations");
        ElasticsearchClient client = BenchStack.client();
        PostIndex index = new PostIndex(client, PREFIX, List.of("people.com.cn", "news.cn", "thepaper.cn"));
        ChineseCorpus corpus = new ChineseCorpus(30_000, 42);
        if (Boolean.getBoolean("bench.reload")) {
            BenchStack.dropIndices(PREFIX);
        }
        index.installTemplate();
        long present = count();
        if (present < posts) {
            load(corpus, (int) present, posts, report);
        } else {
            report.note("%,d posts already loaded in %s (kept from an earlier run)", present, BenchStack.elasticsearch().nodeDirectory());
        }
        report.note("index: %,d posts in %s, %s", count(), PREFIX, cat("/_cat/indices/" + PREFIX + "-*?h=index,docs.count,store.size,pri.store.size&s=index").replace('\n', ';'));

        Report.Latencies full = new Report.Latencies();
        Report.Latencies bare = new Report.Latencies();
        SplittableRandom r = new SplittableRandom(5);
        long hits = 0;
        for (int i = 0; i < warmupQueries + queries; i++) {
            List<String> terms = r.nextInt(5) == 0 ? List.of(corpus.searchTerm(r), corpus.searchTerm(r))
                    : List.of(corpus.searchTerm(r));
            PostQuery query = new PostQuery(terms, PostFilter.NONE, 0, 20, PostQuery.Order.RELEVANCE, null,
                    PostQuery.Interval.DAY, SCOPE);
            boolean measured = i >= warmupQueries;
            // interleaved, in alternating order, so both see the same load and caches
            for (int k = 0; k < 2; k++) {
                if ((k == 0) == (i % 2 == 0)) {
                    long start = System.nanoTime();
                    PostSearchResult result = index.search(query);
                    long took = System.nanoTime() - start;
                    if (measured) {
                        full.add(took);
                        hits += result.total();
                    }
                } else {
                    String term = terms.getFirst();
                    long start = System.nanoTime();
                    SearchResponse<PostDocument> response = client.search(s -> s.index(PREFIX)
                            .query(q -> q.matchPhrase(m -> m.field("text").query(term))).size(20), PostDocument.class);
                    long took = System.nanoTime() - start;
                    if (measured && response.hits() != null) {
                        bare.add(took);
                    }
                }
            }
        }
        report.note("queries: %d measured of each kind after %d warm-up; 1 term (4 in 5) or 2 terms from place, subject,"
                + " institution and event words; full = relevance order, 20 hits, highlights on title and text, facets "
                + "(volume per day, top 20 sites, media types), unit scope of 3 of 10 units, exact total; mean %,.0f hits "
                + "per full query", queries, warmupQueries, (double) hits / Math.max(1, full.count()));
        report.note("full search: %s", full.summary());
        report.note("bare match_phrase: %s", bare.summary());
        report.row(String.format(Locale.ROOT, "keyword search + highlight + aggregations, %,d posts", count()),
                "p95 ≤ 150 ms", full.summary(), "bare match_phrase (no highlight/aggs/filters): " + bare.summary(),
                Report.yesNo(full.percentile(95) <= TARGET_P95_MS));
        report.finish();
    }

    private static void load(ChineseCorpus corpus, int from, int to, Report report) throws Exception {
        List<ChineseCorpus.TopicWords> topics = corpus.topics(2_000, 9);
        Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS);
        // the monthly indices exist before the load so that refresh can be off while loading
        Set<String> months = new TreeSet<>();
        for (int day = 0; day <= 91; day++) {
            months.add(new PostIndex(null, PREFIX).indexFor(now.minus(day, ChronoUnit.DAYS)));
        }
        URI es = BenchStack.elasticsearch().httpUri();
        for (String month : months) {
            if (BenchStack.HTTP.send(HttpRequest.newBuilder(es.resolve("/" + month)).method("HEAD",
                    HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 404) {
                BenchStack.send(HttpRequest.newBuilder(es.resolve("/" + month)).PUT(HttpRequest.BodyPublishers.noBody()));
            }
        }
        settings("{\"index\":{\"refresh_interval\":\"-1\",\"translog.durability\":\"async\"}}");
        long start = System.nanoTime();
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int batch = from; batch < to; batch += BATCH) {
                int first = batch;
                int last = Math.min(to, batch + BATCH);
                pending.add(pool.submit(() -> {
                    BenchStack.send(HttpRequest.newBuilder(es.resolve("/_bulk")).header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofString(bulkBody(corpus, topics, now, first, last))));
                    return null;
                }));
                if (pending.size() >= threads * 2) {
                    pending.removeFirst().get();
                }
                if ((last - from) % 100_000 == 0) {
                    System.out.printf("[bench search] loaded %,d of %,d posts, %,.0f posts/s%n", last, to,
                            (last - from) * 1e9 / (System.nanoTime() - start));
                }
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } finally {
            pool.shutdown();
            settings("{\"index\":{\"refresh_interval\":null,\"translog.durability\":\"request\"}}");
        }
        BenchStack.send(HttpRequest.newBuilder(es.resolve("/" + PREFIX + "/_refresh")).POST(HttpRequest.BodyPublishers.noBody()));
        double seconds = (System.nanoTime() - start) / 1e9;
        report.note("loaded %,d posts by _bulk (2 senders, %,d per request, refresh off) in %.0f s: %,.0f posts/s",
                to - from, BATCH, seconds, (to - from) / seconds);
    }

    private static String bulkBody(ChineseCorpus corpus, List<ChineseCorpus.TopicWords> topics, Instant now, int from, int to) {
        StringBuilder body = new StringBuilder(400 * (to - from));
        PostIndex naming = new PostIndex(null, PREFIX);
        for (int i = from; i < to; i++) {
            SplittableRandom r = new SplittableRandom(1_000_003L * i);
            ChineseCorpus.Post p = corpus.post(r, 60, 300, topics, 0.3);
            Instant published = now.minusSeconds(r.nextLong(90L * 24 * 3600));
            UUID id = UUID.nameUUIDFromBytes(("bench-search-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", id.toString());
            doc.put("url", "https://" + p.site() + "/bench/" + i);
            doc.put("site", p.site());
            doc.put("mediaType", p.mediaType());
            doc.put("author", "网友" + (i % 5_000));
            doc.put("title", p.title());
            doc.put("text", p.text());
            doc.put("publishedAt", published.toString());
            doc.put("collectedAt", published.plusSeconds(600).toString());
            long comments = p.reads() / 20;
            long reposts = p.reads() / 50;
            doc.put("metrics", Map.of("reads", p.reads(), "comments", comments, "reposts", reposts, "likes", p.reads() / 10));
            doc.put("topicIds", List.of());
            doc.put("incidentIds", List.of());
            doc.put("unitIds", List.of(UNITS.get(r.nextInt(UNITS.size()))));
            doc.put("matchText", List.of(TextNormalizer.matchText(p.title()), TextNormalizer.matchText(p.text())));
            doc.put("heat", p.reads() + comments + reposts);
            body.append("{\"index\":{\"_index\":\"").append(naming.indexFor(published)).append("\",\"_id\":\"")
                    .append(id).append("\"}}\n").append(BenchStack.JSON.writeValueAsString(doc)).append('\n');
        }
        return body.toString();
    }

    private static void settings(String json) {
        BenchStack.send(HttpRequest.newBuilder(BenchStack.elasticsearch().httpUri().resolve("/" + PREFIX + "-*/_settings"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static long count() {
        String body = BenchStack.send(HttpRequest.newBuilder(BenchStack.elasticsearch().httpUri()
                .resolve("/" + PREFIX + "-*/_count?ignore_unavailable=true&allow_no_indices=true")).GET()).body();
        return BenchStack.JSON.readTree(body).path("count").asLong();
    }

    private static String cat(String path) {
        return BenchStack.send(HttpRequest.newBuilder(BenchStack.elasticsearch().httpUri().resolve(path)).GET()).body().strip();
    }
}
