package org.yuqing.monitoring.bench;

import tools.jackson.databind.JsonNode;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Post accepted → {@code IncidentDetected} on the service's event feed: a probe post ({@code POST /api/monitoring/posts})
 * carrying the one word of a probe topic opens a new incident; a feed reader long-polls {@code /internal/events} (as
 * grading does) and notes when the probe's {@code IncidentDetected} arrives. Latency = from sending the probe to
 * reading its event. Measured under a background load of 1,000 posts/s (bulk NDJSON, 100 lines per request, paced
 * over 8 senders, a tenth matching the background topics; weibo/forum-length posts of 60–300 characters by default,
 * since the service does not sustain 1,000 posts/s of 200–2,000 characters on the benchmark machine — see the ingest
 * benchmark), and as the baseline in the same run without that load. The achieved load is reported.
 *
 * <p>System properties: {@code bench.probes} (60 per phase, after 5 warm-up probes), {@code bench.loadRate} (1000
 * posts/s), {@code bench.loadChars} (post length range of the load, {@code 60-300}), {@code bench.ingestTopics} (300
 * background topics).
 */
final class LatencyBenchmark {

    private static final double TARGET_P95_MS = 1_000;
    private static final long PROBE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private LatencyBenchmark() {
    }

    static void run() throws Exception {
        int probes = Integer.getInteger("bench.probes", 60);
        int loadRate = Integer.getInteger("bench.loadRate", 1_000);
        int topicCount = Integer.getInteger("bench.ingestTopics", 300);
        Report report = new Report("latency", "latency benchmark: post accepted → IncidentDetected on the feed");
        String run = Long.toString(System.currentTimeMillis(), 36);
        String prefix = "benchlatency" + run;
        ChineseCorpus corpus = new ChineseCorpus(30_000, 42);
        List<ChineseCorpus.TopicWords> topics = corpus.topics(topicCount, 19);
        try (BenchStack.Service service = BenchStack.monitoring(prefix)) {
            IngestBenchmark.createTopics(service, topics);
            List<String> probeWords = new ArrayList<>();
            for (int i = 0; i < 2 * (probes + 5); i++) {
                probeWords.add("探针" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
            }
            Map<String, UUID> probeTopics = new LinkedHashMap<>();
            for (String word : probeWords) {
                Map<String, Object> body = Map.of("name", "探针 " + word, "unitId", BenchStack.UNIT, "regionWords", List.of(word),
                        "subjectWords", List.of(), "eventWords", List.of(), "excludeWords", List.of());
                JsonNode created = BenchStack.JSON.readTree(BenchStack.send(BenchStack.post(service.resolve("/api/monitoring/topics"),
                        "application/json", BenchStack.JSON.writeValueAsString(body), BenchStack.ingestToken())).body());
                probeTopics.put(word, UUID.fromString(created.path("id").asString()));
            }
            FeedReader feed = new FeedReader(service.resolve("/internal/events"));
            Thread reader = Thread.ofPlatform().daemon().name("bench-feed").start(feed);
            try {
                List<String> words = new ArrayList<>(probeWords);
                Report.Latencies quiet = probe(service, feed, probeTopics, words, 5, probes);
                report.note("without load: %s", quiet.summary());

                String[] chars = System.getProperty("bench.loadChars", "60-300").split("-");
                Load load = new Load(service, corpus, topics, loadRate, Integer.parseInt(chars[0]), Integer.parseInt(chars[1]));
                BulkTimings timings = BulkTimings.install();
                load.start();
                Thread.sleep(5_000);
                Report.Latencies loaded;
                try {
                    loaded = probe(service, feed, probeTopics, words, 5, probes);
                } finally {
                    load.stop();
                    timings.uninstall();
                }
                report.note("under load: %s; background load achieved %,.0f posts/s (%d failed requests)",
                        loaded.summary(), load.achieved(), load.failures.get());
                report.note("background posts of %s characters; inside the service: %s", String.join("–", chars),
                        timings.summary());
                report.note("probes: %d per phase after 5 warm-up, one at a time, about 4 per second; feed read by long "
                        + "polling (waitMillis=1000, the library polls its outbox every 50 ms); %d background topics",
                        probes, topicCount);
                report.row(String.format(Locale.ROOT, "post accepted → IncidentDetected on the feed, under %,d posts/s "
                                + "background load of %s-character posts (achieved %,.0f posts/s)", loadRate,
                                String.join("–", chars), load.achieved()),
                        "p95 ≤ 1 s", loaded.summary(), "without background load: " + quiet.summary(),
                        Report.yesNo(loaded.percentile(95) <= TARGET_P95_MS && load.achieved() >= 0.9 * loadRate)
                                + (load.achieved() < 0.9 * loadRate ? " (the load fell short of the rate)" : ""));
                report.finish();
            } finally {
                feed.stop();
                reader.join(5_000);
            }
        } finally {
            BenchStack.dropIndices(prefix);
        }
    }

    private static Report.Latencies probe(BenchStack.Service service, FeedReader feed, Map<String, UUID> probeTopics,
                                          List<String> words, int warmup, int count) throws InterruptedException {
        Report.Latencies latencies = new Report.Latencies();
        for (int i = 0; i < warmup + count; i++) {
            String word = words.removeFirst();
            UUID topic = probeTopics.get(word);
            Map<String, Object> post = new LinkedHashMap<>();
            post.put("url", "https://probe.bench.cn/" + word);
            post.put("site", "probe.bench.cn");
            post.put("mediaType", "NEWS");
            post.put("title", word + "化工厂发生爆炸");
            post.put("text", "记者从现场了解到，" + word + "附近一家化工厂发生爆炸，相关部门正在处置。");
            post.put("publishedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            post.put("metrics", Map.of("reads", 100, "comments", 2, "reposts", 1, "likes", 3));
            String body = BenchStack.JSON.writeValueAsString(post);
            String token = BenchStack.ingestToken();
            long start = System.nanoTime();
            feed.expect(topic, start);
            BenchStack.send(BenchStack.post(service.resolve("/api/monitoring/posts"), "application/json", body, token));
            long seen = feed.await(topic, start + PROBE_TIMEOUT_NANOS);
            if (seen < 0) {
                throw new IllegalStateException("no IncidentDetected on the feed within 30 s for probe topic " + topic);
            }
            if (i >= warmup) {
                latencies.add(seen - start);
            }
            Thread.sleep(250);
        }
        return latencies;
    }

    /** Long-polls the feed and notes when each expected topic's IncidentDetected arrives. */
    private static final class FeedReader implements Runnable {

        private final URI feed;
        private final Map<UUID, Long> arrived = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private long after;

        FeedReader(URI feed) {
            this.feed = feed;
        }

        void expect(UUID topic, long since) {
            arrived.remove(topic);
        }

        /** The nanoTime the topic's event arrived, or -1 when it did not before the deadline. */
        long await(UUID topic, long deadline) throws InterruptedException {
            while (System.nanoTime() < deadline) {
                Long at = arrived.get(topic);
                if (at != null) {
                    return at;
                }
                Thread.sleep(1);
            }
            return -1;
        }

        void stop() {
            running.set(false);
        }

        @Override
        public void run() {
            while (running.get()) {
                try {
                    String body = BenchStack.send(HttpRequest.newBuilder(URI.create(feed + "?after=" + after
                            + "&limit=1000&waitMillis=1000")).header("Authorization", BenchStack.serviceToken()).GET()).body();
                    long now = System.nanoTime();
                    JsonNode page = BenchStack.JSON.readTree(body);
                    for (JsonNode event : page.path("events")) {
                        if ("IncidentDetected".equals(event.path("type").asString())) {
                            arrived.putIfAbsent(UUID.fromString(event.path("payload").path("topicId").asString()), now);
                        }
                    }
                    after = page.path("next").asLong(after);
                } catch (RuntimeException e) {
                    if (running.get()) {
                        System.out.println("[bench latency] feed read failed: " + e);
                    }
                }
            }
        }
    }

    /** Background posts at a steady rate: bulk requests of 100, paced over several senders. */
    private static final class Load {

        private static final int LINES = 100;
        private final BenchStack.Service service;
        private final ChineseCorpus corpus;
        private final List<ChineseCorpus.TopicWords> topics;
        private final int rate;
        private final int senders = 8;
        private final int minChars;
        private final int maxChars;
        private final ExecutorService pool = Executors.newFixedThreadPool(senders);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong sent = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        private volatile long started;
        private volatile long stopped;

        Load(BenchStack.Service service, ChineseCorpus corpus, List<ChineseCorpus.TopicWords> topics, int rate,
             int minChars, int maxChars) {
            this.minChars = minChars;
            this.maxChars = maxChars;
            this.service = service;
            this.corpus = corpus;
            this.topics = topics;
            this.rate = rate;
        }

        void start() {
            started = System.nanoTime();
            long interval = (long) (1e9 * LINES * senders / rate);
            for (int s = 0; s < senders; s++) {
                int sender = s;
                pool.submit(() -> {
                    SplittableRandom r = new SplittableRandom(100 + sender);
                    long next = started + interval * sender / senders;
                    int batch = 0;
                    while (running.get()) {
                        List<Map<String, Object>> posts = IngestBenchmark.batches(corpus, topics, r, Instant.now(), LINES,
                                LINES, 0.1, "load-" + started + "-" + sender + "-" + batch++, minChars, maxChars).getFirst();
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        next += interval;
                        try {
                            IngestBenchmark.apiBulk(service, posts);
                            sent.addAndGet(LINES);
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
            stopped = System.nanoTime();
        }

        double achieved() {
            long end = stopped == 0 ? System.nanoTime() : stopped;
            return sent.get() * 1e9 / (end - started);
        }
    }
}
