package org.yuqing.casework.notifications;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
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
import java.util.function.Supplier;

/**
 * WeCom and DingTalk group robots on a real loopback socket, written to their documented webhook contracts for
 * {@code text} messages:
 * <ul>
 *   <li>WeCom {@code POST /cgi-bin/webhook/send?key=…}: wrong key → errcode 93000; {@code msgtype} other than a known
 *       one → 40008; {@code text.content} empty → 44004, over 2048 bytes → 40058;</li>
 *   <li>DingTalk {@code POST /robot/send?access_token=…}: wrong token → 300001; with a 加签 secret, {@code timestamp}
 *       (ms, within one hour of now) and {@code sign} = Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)),
 *       URL-encoded, checked with this stub's own code → 310000 "sign not match"; {@code text.content} empty → 40035.</li>
 * </ul>
 * Both answer HTTP 200 {@code {"errcode":0,"errmsg":"ok"}} on success and record every request they answered.
 */
final class RobotStub implements AutoCloseable {

    /** One request as received: query parameters, JSON body, the errcode answered. */
    record Received(String robot, Map<String, String> query, JsonNode body, int errcode) {
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String wecomKey;
    private final String dingTalkToken;
    private final String dingTalkSecret;
    private final Supplier<Clock> clock;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int failWithErrcode;
    private volatile String failing;

    /** @param clock the time the signature's timestamp is checked against (read at each request) */
    RobotStub(String wecomKey, String dingTalkToken, String dingTalkSecret, Supplier<Clock> clock) throws IOException {
        this.wecomKey = wecomKey;
        this.dingTalkToken = dingTalkToken;
        this.dingTalkSecret = dingTalkSecret;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cgi-bin/webhook/send", e -> handle(e, "wecom"));
        server.createContext("/robot/send", e -> handle(e, "dingtalk"));
        server.start();
    }

    /** The WeCom robot's webhook as WeCom shows it, key included. */
    String wecomWebhook(String key) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cgi-bin/webhook/send?key=" + key;
    }

    /** The DingTalk robot's webhook as DingTalk shows it, token included. */
    String dingTalkWebhook(String token) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send?access_token=" + token;
    }

    /** The next {@code n} requests to {@code robot} are answered with HTTP 200 and {@code errcode} (-1: "system busy"). */
    void failNext(String robot, int n, int errcode) {
        failing = robot;
        failWithErrcode = errcode;
        failNext.set(n);
    }

    List<Received> received(String robot) {
        return received.stream().filter(r -> r.robot().equals(robot)).toList();
    }

    void clear() {
        received.clear();
        failNext.set(0);
    }

    private void handle(HttpExchange exchange, String robot) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        JsonNode body = json.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        int errcode = robot.equals(failing) && failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? failWithErrcode
                : robot.equals("wecom") ? wecom(query, body) : dingTalk(query, body);
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
        if (!body.path("msgtype").asString("").equals("text")) {
            return 40008;
        }
        String content = body.path("text").path("content").asString("");
        if (content.isEmpty()) {
            return 44004;
        }
        return content.getBytes(StandardCharsets.UTF_8).length > 2048 ? 40058 : 0;
    }

    private int dingTalk(Map<String, String> query, JsonNode body) {
        if (!dingTalkToken.equals(query.get("access_token"))) {
            return 300001;
        }
        if (dingTalkSecret != null) {
            String timestamp = query.get("timestamp");
            String sign = query.get("sign");
            if (timestamp == null || sign == null
                    || Math.abs(clock.get().millis() - Long.parseLong(timestamp)) > 3_600_000L
                    || !MessageDigest.isEqual(sign.getBytes(StandardCharsets.US_ASCII),
                    hmacBase64(timestamp + "\n" + dingTalkSecret).getBytes(StandardCharsets.US_ASCII))) {
                return 310000;
            }
        }
        if (!body.path("msgtype").asString("").equals("text") || body.path("text").path("content").asString("").isEmpty()) {
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
