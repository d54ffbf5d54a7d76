package org.yuqing.publishing.channels;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The official account's API on a real loopback socket, checking what WeChat documents and checks; every answer is
 * HTTP 200 JSON, errors as {@code {"errcode":…,"errmsg":"…"}}:
 * <ul>
 *   <li>{@code POST /cgi-bin/stable_token} {grant_type: client_credential (→ 40002), appid (→ 40013), secret
 *       (→ 40125), force_refresh} → {@code {"access_token","expires_in":7200}};</li>
 *   <li>every other call needs {@code ?access_token=} (missing → 41001, unknown → 40001, expired → 42001);</li>
 *   <li>{@code /cgi-bin/draft/add} {articles:[{title ≤ 64 chars (→ 45003), author ≤ 16 (→ 45110), content, fewer
 *       than 20 000 characters and 1 MB (→ 45002; empty → 44004), thumb_media_id a known permanent image
 *       (→ 40007)}]} → {@code media_id};</li>
 *   <li>{@code /cgi-bin/freepublish/submit} {media_id of a draft} → {@code publish_id}; the draft leaves the draft
 *       box, so submitting it again answers 40007 "invalid media_id";</li>
 *   <li>{@code /cgi-bin/freepublish/get} {publish_id} → {@code publish_status} 1 (publishing) for the configured
 *       number of polls, then 0 with {@code article_detail.item[0].article_url}.</li>
 * </ul>
 */
public final class WeChatStub implements AutoCloseable {

    /** One draft as added. */
    public record Draft(String mediaId, JsonNode article) {
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String appId;
    private final String secret;
    private final String cover;
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> expiredTokens = ConcurrentHashMap.newKeySet();
    private final List<Draft> drafts = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> draftBox = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> jobs = new ConcurrentHashMap<>();
    private final List<String> submitted = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicInteger failNextSubmit = new AtomicInteger();
    private final AtomicInteger dropNextSubmitAnswer = new AtomicInteger();
    private volatile int publishingPolls;

    public WeChatStub(String appId, String secret, String cover) throws IOException {
        this.appId = appId;
        this.secret = secret;
        this.cover = cover;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cgi-bin/", this::handle);
        server.start();
    }

    /** The API's base address. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many tokens were asked for. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** Every draft added, oldest first. */
    public List<Draft> drafts() {
        return List.copyOf(drafts);
    }

    /** The media ids submitted for publication, oldest first. */
    public List<String> submitted() {
        return List.copyOf(submitted);
    }

    /** Expires every token issued so far (their next use answers 42001). */
    public void expireTokens() {
        expiredTokens.addAll(validTokens);
        validTokens.clear();
    }

    /** Forgets every token issued so far (their next use answers 40001, as after an AppSecret reset). */
    public void revokeTokens() {
        validTokens.clear();
    }

    /** How many {@code freepublish/get} calls of each new job answer "publishing" (1) before "published" (0). */
    public void publishingPolls(int polls) {
        publishingPolls = polls;
    }

    /** The next {@code n} submits answer errcode -1 "system error" (nothing is published). */
    public void failNextSubmit(int n) {
        failNextSubmit.set(n);
    }

    /** The next {@code n} submits are carried out, but the connection closes before the answer. */
    public void dropNextSubmitAnswer(int n) {
        dropNextSubmitAnswer.set(n);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        if (path.equals("/cgi-bin/stable_token")) {
            token(exchange, body);
            return;
        }
        String token = query(exchange.getRequestURI().getRawQuery()).get("access_token");
        if (token == null || token.isEmpty()) {
            error(exchange, 41001, "access_token missing");
            return;
        }
        if (expiredTokens.contains(token)) {
            error(exchange, 42001, "access_token expired");
            return;
        }
        if (!validTokens.contains(token)) {
            error(exchange, 40001, "invalid credential, access_token is invalid or not latest");
            return;
        }
        switch (path) {
            case "/cgi-bin/draft/add" -> draft(exchange, body);
            case "/cgi-bin/freepublish/submit" -> submit(exchange, body);
            case "/cgi-bin/freepublish/get" -> get(exchange, body);
            default -> error(exchange, 40066, "invalid url");
        }
    }

    private void token(HttpExchange exchange, JsonNode body) throws IOException {
        tokenRequests.incrementAndGet();
        if (!"client_credential".equals(body.path("grant_type").asString(""))) {
            error(exchange, 40002, "invalid grant_type");
        } else if (!appId.equals(body.path("appid").asString(""))) {
            error(exchange, 40013, "invalid appid");
        } else if (!secret.equals(body.path("secret").asString(""))) {
            error(exchange, 40125, "invalid appsecret");
        } else {
            String token = "stub-token-" + counter.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
            validTokens.add(token);
            send(exchange, Map.of("access_token", token, "expires_in", 7200));
        }
    }

    private void draft(HttpExchange exchange, JsonNode body) throws IOException {
        JsonNode articles = body.path("articles");
        if (!articles.isArray() || articles.isEmpty()) {
            error(exchange, 44003, "empty news data");
            return;
        }
        for (JsonNode a : articles) {
            String title = a.path("title").asString("");
            String content = a.path("content").asString("");
            if (title.isEmpty() || title.codePointCount(0, title.length()) > 64) {
                error(exchange, 45003, "title size out of limit");
                return;
            }
            String author = a.path("author").asString("");
            if (author.codePointCount(0, author.length()) > 16) {
                error(exchange, 45110, "author size out of limit");
                return;
            }
            if (content.isEmpty()) {
                error(exchange, 44004, "empty content");
                return;
            }
            if (content.length() >= 20_000 || content.getBytes(StandardCharsets.UTF_8).length >= 1 << 20) {
                error(exchange, 45002, "content size out of limit");
                return;
            }
            if (!cover.equals(a.path("thumb_media_id").asString(""))) {
                error(exchange, 40007, "invalid media_id");
                return;
            }
        }
        String mediaId = "draft-" + counter.incrementAndGet();
        drafts.add(new Draft(mediaId, articles.get(0)));
        draftBox.put(mediaId, articles.get(0));
        send(exchange, Map.of("media_id", mediaId));
    }

    private void submit(HttpExchange exchange, JsonNode body) throws IOException {
        if (failNextSubmit.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            error(exchange, -1, "system error");
            return;
        }
        String mediaId = body.path("media_id").asString("");
        if (draftBox.remove(mediaId) == null) {
            error(exchange, 40007, "invalid media_id");
            return;
        }
        submitted.add(mediaId);
        String publishId = Integer.toString(100_000_000 + counter.incrementAndGet());
        jobs.put(publishId, new AtomicInteger(publishingPolls));
        if (dropNextSubmitAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.close();
            return;
        }
        send(exchange, Map.of("errcode", 0, "errmsg", "ok", "publish_id", publishId));
    }

    private void get(HttpExchange exchange, JsonNode body) throws IOException {
        String publishId = body.path("publish_id").asString("");
        AtomicInteger polls = jobs.get(publishId);
        if (polls == null) {
            error(exchange, 40007, "invalid publish_id");
            return;
        }
        if (polls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(exchange, Map.of("publish_id", publishId, "publish_status", 1));
            return;
        }
        String articleId = "article-" + publishId;
        send(exchange, Map.of("publish_id", publishId, "publish_status", 0, "article_id", articleId,
                "article_detail", Map.of("count", 1, "item", List.of(Map.of("idx", 1,
                        "article_url", "https://mp.weixin.qq.com/s/" + articleId))),
                "fail_idx", List.of()));
    }

    private void error(HttpExchange exchange, int code, String message) throws IOException {
        send(exchange, Map.of("errcode", code, "errmsg", message));
    }

    private void send(HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; encoding=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new ConcurrentHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
