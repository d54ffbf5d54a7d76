package org.yuqing.publishing.channels;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Weibo's {@code POST /2/statuses/share.json} on a real loopback socket, checking what Weibo documents and checks:
 * a form-encoded POST (other methods → 10021); {@code access_token}, {@code status} and {@code rip} present
 * (→ 10016 "Miss required parameter"); the token valid (→ 21332 "invalid_access_token"); the status at most 140
 * Chinese characters, a Latin-1 character counting half (counted here with this stub's own code → 20012 "Text too
 * long"); a link of the app's safe domain in it and no {@code #topic#} (→ 10017 "Parameter (status)'s value
 * invalid"); the same text not posted twice (→ 20019 "Repeat content!"). Errors are HTTP 400 with
 * {@code {"error":…,"error_code":…,"request":"/2/statuses/share.json"}}; a post answers the new status as JSON.
 */
public final class WeiboStub implements AutoCloseable {

    /** One accepted post. */
    public record Post(String idstr, String status, String rip) {
    }

    private static final Pattern URL = Pattern.compile("https?://([^/\\s:]+)[^\\s]*");

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String token;
    private final String safeDomain;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final List<Integer> errors = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(5_000_000_000_000_000L);
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger dropNextAnswer = new AtomicInteger();

    /**
     * @param token      the only valid access token
     * @param safeDomain the app's 安全域名: a status must link to this host (or a subdomain of it)
     */
    public WeiboStub(String token, String safeDomain) throws IOException {
        this.token = token;
        this.safeDomain = safeDomain;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/2/statuses/share.json", this::handle);
        server.start();
    }

    /** The share endpoint. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/2/statuses/share.json");
    }

    /** Every accepted post, oldest first. */
    public List<Post> posts() {
        return List.copyOf(posts);
    }

    /** The error codes answered, oldest first. */
    public List<Integer> errors() {
        return List.copyOf(errors);
    }

    /** The next {@code n} requests fail with HTTP 500 and error 10001 "System error" (nothing is posted). */
    public void failNext(int n) {
        failNext.set(n);
    }

    /** The next {@code n} accepted posts are posted, but the connection closes before the answer. */
    public void dropNextAnswer(int n) {
        dropNextAnswer.set(n);
    }

    /** Weibo's count: Latin-1 characters half, others one, rounded up (written apart from the channel's). */
    static int length(String status) {
        double count = 0;
        for (int i = 0; i < status.length(); ) {
            int cp = status.codePointAt(i);
            count += cp < 256 ? 0.5 : 1;
            i += Character.charCount(cp);
        }
        return (int) Math.ceil(count);
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            error(exchange, 405, 10021, "HTTP method is not suported for this request");
            return;
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            error(exchange, 500, 10001, "System error");
            return;
        }
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Map<String, String> form = type.startsWith("application/x-www-form-urlencoded")
                ? form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)) : Map.of();
        for (String required : List.of("access_token", "status", "rip")) {
            if (form.getOrDefault(required, "").isBlank()) {
                error(exchange, 400, 10016, "Miss required parameter (" + required + ") , see doc for more info");
                return;
            }
        }
        if (!form.get("access_token").equals(token)) {
            error(exchange, 403, 21332, "invalid_access_token");
            return;
        }
        String status = form.get("status");
        if (length(status) > 140) {
            error(exchange, 400, 20012, "Text too long, please input text less than 140 characters!");
            return;
        }
        if (!linksSafeDomain(status) || Pattern.compile("#[^#]+#").matcher(status).find()) {
            error(exchange, 400, 10017, "Parameter (status)'s value invalid, see doc for more info");
            return;
        }
        if (posts.stream().anyMatch(p -> p.status().equals(status))) {
            error(exchange, 400, 20019, "Repeat content!");
            return;
        }
        String id = Long.toString(ids.incrementAndGet());
        posts.add(new Post(id, status, form.get("rip")));
        if (dropNextAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.close();
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("created_at", "Sun Nov 22 10:00:00 +0800 2026");
        answer.put("id", Long.parseLong(id));
        answer.put("idstr", id);
        answer.put("mid", id);
        answer.put("text", status);
        answer.put("user", Map.of("id", 1234567890L, "idstr", "1234567890"));
        send(exchange, 200, answer);
    }

    private boolean linksSafeDomain(String status) {
        Matcher m = URL.matcher(status);
        while (m.find()) {
            String host = m.group(1).toLowerCase();
            if (host.equals(safeDomain) || host.endsWith("." + safeDomain)) {
                return true;
            }
        }
        return false;
    }

    private void error(HttpExchange exchange, int http, int code, String message) throws IOException {
        errors.add(code);
        send(exchange, http, Map.of("error", message, "error_code", code, "request", "/2/statuses/share.json"));
    }

    private void send(HttpExchange exchange, int http, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(http, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
