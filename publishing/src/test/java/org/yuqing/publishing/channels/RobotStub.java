package org.yuqing.publishing.channels;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WeCom and DingTalk group robots on a real loopback socket, written to their documented webhook contracts:
 * <ul>
 *   <li>WeCom {@code POST /cgi-bin/webhook/send?key=…}: wrong key → errcode 93000; a {@code markdown} message
 *       needs {@code markdown.content} (empty → 44004) of at most 4096 bytes (→ 40058); other msgtypes → 40008;</li>
 *   <li>DingTalk {@code POST /robot/send?access_token=…}: wrong token → 300001; a {@code markdown} message needs
 *       {@code markdown.title} and {@code markdown.text} (→ 40035); with a 加签 secret, {@code timestamp}
 *       (ms, within one hour) and {@code sign} = Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), URL-encoded,
 *       are checked with this stub's own code (→ 310000 "sign not match").</li>
 * </ul>
 * Both answer HTTP 200 with {@code {"errcode":0,"errmsg":"ok"}} on success and record every request.
 */
public final class RobotStub implements AutoCloseable {

    /** One request as received: its query parameters, its JSON body and the errcode answered. */
    public record Received(String robot, Map<String, String> query, JsonNode body, int errcode) {
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String wecomKey;
    private final String dingTalkToken;
    private final String dingTalkSecret;
    private final Clock clock;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNextWithHttp500 = new AtomicInteger();

    /**
     * @param dingTalkSecret the DingTalk robot's 加签 secret, {@code null} for a robot that is not signed
     */
    public RobotStub(String wecomKey, String dingTalkToken, String dingTalkSecret, Clock clock) throws IOException {
        this.wecomKey = wecomKey;
        this.dingTalkToken = dingTalkToken;
        this.dingTalkSecret = dingTalkSecret;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cgi-bin/webhook/send", e -> handle(e, "wecom"));
        server.createContext("/robot/send", e -> handle(e, "dingtalk"));
        server.start();
    }

    /** The WeCom robot's address, without the key. */
    public URI wecomUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cgi-bin/webhook/send");
    }

    /** The DingTalk robot's address, without the token. */
    public URI dingTalkUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send");
    }

    /** Makes the next {@code n} requests fail with HTTP 500. */
    public void failNext(int n) {
        failNextWithHttp500.set(n);
    }

    /** Every request so far, oldest first. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests to one robot ({@code wecom} or {@code dingtalk}). */
    public List<Received> received(String robot) {
        return received.stream().filter(r -> r.robot().equals(robot)).toList();
    }

    private void handle(HttpExchange exchange, String robot) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (failNextWithHttp500.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
        }
        JsonNode body = json.readTree(raw);
        int errcode = robot.equals("wecom") ? wecom(query, body) : dingTalk(query, body);
        received.add(new Received(robot, query, body, errcode));
        byte[] answer = json.writeValueAsBytes(Map.of("errcode", errcode, "errmsg", errcode == 0 ? "ok" : "error " + errcode));
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private int wecom(Map<String, String> query, JsonNode body) {
        if (!wecomKey.equals(query.get("key"))) {
            return 93000;
        }
        if (!body.path("msgtype").asString("").equals("markdown")) {
            return 40008;
        }
        String content = body.path("markdown").path("content").asString("");
        if (content.isEmpty()) {
            return 44004;
        }
        return content.getBytes(StandardCharsets.UTF_8).length > 4096 ? 40058 : 0;
    }

    private int dingTalk(Map<String, String> query, JsonNode body) {
        if (!dingTalkToken.equals(query.get("access_token"))) {
            return 300001;
        }
        if (dingTalkSecret != null) {
            String timestamp = query.get("timestamp");
            String sign = query.get("sign");
            if (timestamp == null || sign == null
                    || Math.abs(clock.millis() - Long.parseLong(timestamp)) > 3_600_000L
                    || !MessageDigest.isEqual(sign.getBytes(StandardCharsets.US_ASCII),
                    hmacBase64(timestamp + "\n" + dingTalkSecret).getBytes(StandardCharsets.US_ASCII))) {
                return 310000;
            }
        }
        if (!body.path("msgtype").asString("").equals("markdown")) {
            return 40035;
        }
        JsonNode markdown = body.path("markdown");
        if (markdown.path("title").asString("").isEmpty() || markdown.path("text").asString("").isEmpty()) {
            return 40035;
        }
        return 0;
    }

    private String hmacBase64(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(dingTalkSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
