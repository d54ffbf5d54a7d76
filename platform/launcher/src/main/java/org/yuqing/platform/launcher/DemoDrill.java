package org.yuqing.platform.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * The demo drill (预案演练): a topic on chemical-plant accidents and a few posts about an explosion,
 * one of them from a mainstream outlet, submitted through the gateway like any client would. The
 * platform grades the incident MAJOR under the district plan and opens a case with a 2-hour report
 * deadline. Loaded once: a data directory that has the topic already is left as it is.
 */
final class DemoDrill {

    /** The demo login; the gateway's default configuration holds its password hash. */
    static final String LOGIN = "demo";
    static final String PASSWORD = "yuqing-demo";
    static final String TOPIC = "化工厂事故";
    static final String INCIDENT_TITLE = "高新区化工厂发生爆炸 现场浓烟滚滚";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;

    DemoDrill(String gateway) {
        this.gateway = gateway;
    }

    /** Loads the drill unless its topic exists; returns whether it loaded anything. */
    boolean loadIfAbsent() throws IOException, InterruptedException {
        String topics = send("GET", "/api/monitoring/topics", null);
        if (topics.contains(TOPIC)) {
            return false;
        }
        send("POST", "/api/monitoring/topics", """
                {"name":"%s","unitId":"district","regionWords":[],"subjectWords":["化工厂"],
                 "eventWords":["爆炸","起火"],"excludeWords":["演习"]}""".formatted(TOPIC));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        post("https://bbs.example-forum.cn/thread/8812", "bbs.example-forum.cn", "FORUM", "高新区居民",
                INCIDENT_TITLE, "今天下午高新区一家化工厂发生爆炸，现场浓烟滚滚，附近居民听到巨响，有没有人知道具体情况？",
                now.minus(50, ChronoUnit.MINUTES), 1200, 86, 0);
        post("https://weibo.example.cn/status/4410021", "weibo.example.cn", "WEIBO", "本地生活圈",
                "化工厂爆炸 多辆消防车赶往现场", "#高新区化工厂爆炸# 多辆消防车正赶往现场，周边道路已临时管制，请大家绕行。",
                now.minus(35, ChronoUnit.MINUTES), 5400, 230, 412);
        post("https://www.news.cn/local/2026/hx-chem.htm", "www.news.cn", "NEWS", "新华网",
                "高新区一化工厂发生爆炸 消防救援力量已赶赴现场", "记者从高新区获悉，当日下午一化工厂发生爆炸，消防救援力量已赶赴现场处置，具体情况正在核实。",
                now.minus(20, ChronoUnit.MINUTES), 20500, 640, 1280);
        return true;
    }

    /** Waits until casework shows a case for the demo incident. */
    void awaitCase(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (send("GET", "/api/casework/cases", null).contains(INCIDENT_TITLE)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the demo incident did not become a case within " + timeout.toSeconds() + " s");
    }

    private void post(String url, String site, String mediaType, String author, String title, String text,
                      Instant publishedAt, long reads, long comments, long reposts) throws IOException, InterruptedException {
        send("POST", "/api/monitoring/posts", """
                {"url":"%s","site":"%s","mediaType":"%s","author":"%s","title":"%s","text":"%s",
                 "publishedAt":"%s","metrics":{"reads":%d,"comments":%d,"reposts":%d,"likes":0}}"""
                .formatted(url, site, mediaType, author, title, text, publishedAt, reads, comments, reposts));
    }

    private String send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((LOGIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
