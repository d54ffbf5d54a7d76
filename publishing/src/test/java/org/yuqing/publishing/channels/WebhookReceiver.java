package org.yuqing.publishing.channels;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CMS on a real loopback socket (the JDK's HttpServer) that checks {@code X-Yuqing-Signature}
 * with its own HMAC-SHA256 code, answers 401 to a bad signature and records every request.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String idempotencyKey, String timestamp, String signature, String body,
                           boolean signatureValid, int answered) {
    }

    private final HttpServer server;
    private final String secret;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();

    public WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cms/statements", this::handle);
        server.start();
    }

    /** The receiver's address. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cms/statements");
    }

    /** Makes the next {@code n} requests fail with HTTP 503, as a CMS under maintenance would. */
    public void failNext(int n) {
        failNext.set(n);
    }

    /** Every request so far, oldest first. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests carrying the idempotency key. */
    public List<Received> withKey(String key) {
        return received.stream().filter(r -> key.equals(r.idempotencyKey())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String timestamp = exchange.getRequestHeaders().getFirst("X-Yuqing-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Yuqing-Signature");
        boolean valid = timestamp != null && signature != null && MessageDigest.isEqual(
                signature.getBytes(StandardCharsets.US_ASCII),
                ("sha256=" + hmac(timestamp + "." + body)).getBytes(StandardCharsets.US_ASCII));
        int status = !valid ? 401 : failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
        received.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"), timestamp, signature,
                body, valid, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
