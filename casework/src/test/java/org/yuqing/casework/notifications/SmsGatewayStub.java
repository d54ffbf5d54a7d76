package org.yuqing.casework.notifications;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMS gateway on a loopback socket, written to the contract {@link SmsGatewaySender} documents: {@code POST /sms}
 * with a bearer key; 401 for a wrong key, 422 for a request without {@code requestId}, {@code to} or {@code text},
 * 202 ACCEPTED with a new messageId, and for a {@code requestId} seen before 200 DUPLICATE with the first messageId
 * and no second message. It records every request and every message it would have sent to a phone.
 */
final class SmsGatewayStub implements AutoCloseable {

    /** A request as received. */
    record Request(Map<String, List<String>> headers, JsonNode body, int status) {
    }

    /** A message that went to a phone. */
    record Sms(String requestId, String to, String sign, String text) {
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String apiKey;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Sms> sent = new CopyOnWriteArrayList<>();
    private final Map<String, String> messageIds = new ConcurrentHashMap<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int failStatus = 503;

    SmsGatewayStub(String apiKey) throws IOException {
        this.apiKey = apiKey;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    /** The next {@code n} requests are answered with {@code status} and nothing is sent. */
    void failNext(int n, int status) {
        failStatus = status;
        failNext.set(n);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Sms> sent() {
        return List.copyOf(sent);
    }

    void clear() {
        requests.clear();
        sent.clear();
        failNext.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        int status;
        Map<String, Object> answer;
        String requestId = body.path("requestId").asString("");
        if (!("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            status = 401;
            answer = Map.of("error", "invalid api key");
        } else if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = failStatus;
            answer = Map.of("error", "gateway unavailable");
        } else if (requestId.isEmpty() || body.path("to").asString("").isEmpty()
                || body.path("text").asString("").isEmpty()) {
            status = 422;
            answer = Map.of("error", "requestId, to and text are required");
        } else if (messageIds.containsKey(requestId)) {
            status = 200;
            answer = Map.of("requestId", requestId, "messageId", messageIds.get(requestId), "status", "DUPLICATE");
        } else {
            String messageId = UUID.randomUUID().toString();
            messageIds.put(requestId, messageId);
            sent.add(new Sms(requestId, body.path("to").asString(), body.path("sign").asString(null),
                    body.path("text").asString()));
            status = 202;
            answer = Map.of("requestId", requestId, "messageId", messageId, "status", "ACCEPTED");
        }
        requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body, status));
        byte[] bytes = json.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
