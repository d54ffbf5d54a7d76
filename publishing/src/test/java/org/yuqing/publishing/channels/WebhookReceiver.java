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
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
    private final Map<String, AtomicInteger> failForKey = new ConcurrentHashMap<>();
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;

    public WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cms/statements", this::handle);
        // a CMS serves requests in parallel; a slow or blocked one must not queue the others
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
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

    /** Makes the next {@code n} requests carrying the idempotency key fail with HTTP 503. */
    public void failNext(String key, int n) {
        failForKey.put(key, new AtomicInteger(n));
    }

    /** Holds every request until {@link #open()} (or 30 s), as a hung CMS would. */
    public void block() {
        gate.set(new CountDownLatch(1));
    }

    /** Lets held and later requests through. */
    public void open() {
        gate.get().countDown();
    }

    /** Makes every request take this long before it is answered (zero: answer at once). */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    /** The most requests that were being handled at the same moment. */
    public int maxInFlight() {
        return maxInFlight.get();
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
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            gate.get().await(30, TimeUnit.SECONDS);
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            answer(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String timestamp = exchange.getRequestHeaders().getFirst("X-Yuqing-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Yuqing-Signature");
        boolean valid = timestamp != null && signature != null && MessageDigest.isEqual(
                signature.getBytes(StandardCharsets.US_ASCII),
                ("sha256=" + hmac(timestamp + "." + body)).getBytes(StandardCharsets.US_ASCII));
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        AtomicInteger keyFailures = key == null ? null : failForKey.get(key);
        boolean fail = keyFailures != null ? keyFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                : failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        int status = !valid ? 401 : fail ? 503 : 204;
        received.add(new Received(key, timestamp, signature,
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
