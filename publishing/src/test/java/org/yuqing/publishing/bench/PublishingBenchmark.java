package org.yuqing.publishing.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Level;
import org.yuqing.domain.events.CaseOpened;
import org.yuqing.events.IntegrationEventListener;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.publishing.PublishingApplication;
import org.yuqing.publishing.channels.WebhookReceiver;
import org.yuqing.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Benchmark, not a test (run by the {@code bench} profile, see publishing/pom.xml): the figure "approval → all
 * built-in channels delivered: p95 ≤ 1 s (external API latency excluded)". Starts the real service (embedded
 * PostgreSQL, its own delivery schedule on), with email to an in-process SMTP server (GreenMail) and the signed
 * webhook to a loopback receiver, both answering at once. For each statement of a MAJOR case it drafts and
 * approves the first two steps, then measures from sending the last approval, through the publish request, until
 * the public page and the Atom entry are served, the mail has arrived and the webhook post was received.
 * The baseline from the same run is approval → website (page and Atom entry), the release without external
 * channels. Prints mean/p50/p95/p99 and writes them to {@code target/bench/publishing-bench.txt}.
 * <p>
 * System properties: {@code bench.statements} (default 100), {@code bench.warmup} (default 10), {@code bench.out}
 * (the directory written; the profile sets {@code publishing/target/bench}).
 */
public final class PublishingBenchmark {

    private static final String UNIT = "bench-" + UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final GreenMail smtp;
    private final WebhookReceiver cms;

    private PublishingBenchmark(String base, GreenMail smtp, WebhookReceiver cms) {
        this.base = base;
        this.smtp = smtp;
        this.cms = cms;
    }

    /** Runs the benchmark and prints the figures. */
    public static void main(String[] args) throws Exception {
        // Run on a daemon thread: the servers it starts (e.g. the test token issuer's JWKS endpoint, which is never
        // stopped) inherit that, so the JVM — or the exec plugin waiting for non-daemon threads — ends with it.
        Throwable[] failure = new Throwable[1];
        Thread bench = new Thread(() -> {
            try {
                benchmark();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "publishing-bench");
        bench.setDaemon(true);
        bench.start();
        bench.join();
        if (failure[0] instanceof Exception e) {
            throw e;
        } else if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
    }

    private static void benchmark() throws Exception {
        int statements = Integer.getInteger("bench.statements", 100);
        int warmup = Integer.getInteger("bench.warmup", 10);
        String secret = "bench-secret-" + UUID.randomUUID();
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Map<String, Object> properties = new HashMap<>();
        StackTestProperties.postgres((name, value) -> properties.put(name, value.get()));
        TestTokens.shared().register((name, value) -> properties.put(name, value.get()));
        try (WebhookReceiver cms = new WebhookReceiver(secret)) {
            properties.put("server.port", "0");
            properties.put("yuqing.events.subscriptions.casework.uri", "http://127.0.0.1:9/internal/events");
            properties.put("yuqing.publishing.public-base-url", "https://news.example.gov.cn");
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", smtp.getSmtp().getPort());
            properties.put("yuqing.publishing.channels.email.enabled", "true");
            properties.put("yuqing.publishing.channels.email.from", "press-office@bench.example.gov.cn");
            properties.put("yuqing.publishing.channels.email.recipients", "desk@news.example.cn");
            properties.put("yuqing.publishing.channels.webhook.enabled", "true");
            properties.put("yuqing.publishing.channels.webhook.urls", cms.url().toString());
            properties.put("yuqing.publishing.channels.webhook.secret", secret);
            properties.put("logging.level.root", "WARN");
            // as command-line arguments: they win over application.yml, as the test's dynamic properties do
            String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            try (ConfigurableApplicationContext context = SpringApplication.run(PublishingApplication.class,
                    arguments)) {
                int port = ((WebServerApplicationContext) context).getWebServer().getPort();
                PublishingBenchmark bench = new PublishingBenchmark("http://127.0.0.1:" + port, smtp, cms);
                IntegrationEventListener listener = context.getBean(IntegrationEventListener.class);
                bench.run(listener, warmup, statements);
            }
        } finally {
            smtp.stop();
        }
    }

    private void run(IntegrationEventListener listener, int warmup, int statements) throws Exception {
        System.out.printf(Locale.ROOT, "publishing benchmark: %d statements (after %d warm-up), MAJOR chain of 3 "
                + "approvals, channels website + email (GreenMail) + webhook (loopback), %s %s%n", statements, warmup,
                System.getProperty("java.vm.name"), Runtime.version());
        for (int i = 0; i < warmup; i++) {
            measure(listener, i);
        }
        List<Long> site = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < statements; i++) {
            long[] m = measure(listener, warmup + i);
            site.add(m[0]);
            all.add(m[1]);
        }
        List<String> lines = List.of(
                line("baseline: approval -> website (page + Atom)", site),
                line("approval -> all built-in channels delivered", all),
                String.format(Locale.ROOT, "target p95 <= 1000 ms: %s",
                        percentile(all, 95) <= 1_000_000_000L ? "met" : "NOT met"));
        lines.forEach(System.out::println);
        Path out = Path.of(System.getProperty("bench.out", "publishing/target/bench"));
        Files.createDirectories(out);
        Files.write(out.resolve("publishing-bench.txt"), lines, StandardCharsets.UTF_8);
    }

    /** @return nanoseconds from sending the last approval to {website visible, every channel delivered} */
    private long[] measure(IntegrationEventListener listener, int n) throws Exception {
        UUID caseId = UUID.randomUUID();
        Instant now = Instant.now();
        listener.on("casework", new CaseOpened(UUID.randomUUID(), now, caseId, UUID.randomUUID(), UNIT,
                "基准测试案件 " + n, Level.MAJOR, now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(24)),
                List.of(ApprovalStep.UNIT_HEAD, ApprovalStep.LEADER_IN_CHARGE, ApprovalStep.MAIN_LEADER)));
        JsonNode drafted = call("POST", "/api/publishing/statements", Map.of("caseId", caseId, "kind", "FACT_REPORT",
                "title", "基准测试通报 " + n, "body", "现场处置有序。\n监测数据正常。"));
        String id = drafted.path("id").asString();
        approve(id, ApprovalStep.UNIT_HEAD);
        approve(id, ApprovalStep.LEADER_IN_CHARGE);

        long start = System.nanoTime();
        approve(id, ApprovalStep.MAIN_LEADER);
        call("POST", "/api/publishing/statements/" + id + "/publish", null);
        long site = 0;
        long deadline = start + Duration.ofSeconds(30).toNanos();
        while (site == 0) {
            if (status("/public/statements/" + id) == 200 && text("/public/statements/feed.atom")
                    .contains("urn:uuid:" + id)) {
                site = System.nanoTime() - start;
            }
            check(deadline, id);
        }
        while (!(mailed(id) && !cms.withKey(id + ":webhook").isEmpty())) {
            Thread.onSpinWait();
            check(deadline, id);
        }
        long all = System.nanoTime() - start;
        return new long[]{site, Math.max(site, all)};
    }

    private static void check(long deadline, String id) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("statement " + id + " not delivered within 30 s");
        }
    }

    private boolean mailed(String id) {
        return Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> header(m, id));
    }

    private static boolean header(MimeMessage m, String id) {
        try {
            String[] h = m.getHeader("X-Yuqing-Statement");
            return h != null && h[0].equals(id);
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private void approve(String id, ApprovalStep step) throws Exception {
        call("POST", "/api/publishing/statements/" + id + "/approvals",
                Map.of("step", step.name(), "decision", "APPROVE", "comment", "同意"));
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", TestTokens.shared().user("bench").units(UNIT).bearer())
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private int status(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String text(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String line(String label, List<Long> nanos) {
        double mean = nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        return String.format(Locale.ROOT, "%-46s n=%d  mean %7.1f ms  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms",
                label, nanos.size(), mean, percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6,
                percentile(nanos, 99) / 1e6);
    }

    /** Nearest-rank percentile. */
    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
