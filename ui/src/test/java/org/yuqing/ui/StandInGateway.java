package org.yuqing.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the gateway on loopback, answering as a test's handler says (the API contract) and keeping every
 * request it received. Answers of status 400 and above are sent as {@code application/problem+json}.
 */
public final class StandInGateway {

    /**
     * One request as received.
     *
     * @param method HTTP method
     * @param path   raw path
     * @param query  raw query, {@code null} for none
     * @param body   the body as text
     */
    public record Call(String method, String path, String query, String body) {

        /** @return e.g. {@code POST /api/identity/me/password} */
        public String request() {
            return method + " " + path;
        }
    }

    /**
     * An answer.
     *
     * @param status HTTP status
     * @param body   JSON body, empty for none
     */
    public record Answer(int status, String body) {

        /** @return a 200 with the JSON {@code body} */
        public static Answer ok(String body) {
            return new Answer(200, body);
        }
    }

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {

        /**
         * @param call the request
         * @return the answer
         */
        Answer answer(Call call);
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Call> received = new ConcurrentLinkedQueue<>();

    private StandInGateway(Handler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> answer(exchange, handler));
    }

    /**
     * Starts a stand-in on a free loopback port.
     *
     * @param handler what it answers
     * @return the running stand-in
     */
    public static StandInGateway start(Handler handler) {
        StandInGateway gateway = new StandInGateway(handler);
        gateway.server.start();
        return gateway;
    }

    /** @return its base URL, for {@code yuqing.console.gateway.url} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the requests received so far, oldest first */
    public List<Call> calls() {
        return List.copyOf(received);
    }

    /** @return the requests received so far as {@code METHOD path}, oldest first */
    public List<String> requests() {
        return received.stream().map(Call::request).toList();
    }

    /** Forgets the requests received so far. */
    public void forget() {
        received.clear();
    }

    /** Stops it. */
    public void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange, Handler handler) throws IOException {
        Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        received.add(call);
        Answer answer;
        try {
            answer = handler.answer(call);
        } catch (RuntimeException e) {
            answer = new Answer(500, "{\"status\":500}");
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.status() >= 400 ? "application/problem+json"
                : "application/json");
        if (bytes.length == 0) {
            exchange.sendResponseHeaders(answer.status(), -1);
        } else {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
