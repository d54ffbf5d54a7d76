package org.yuqing.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-process backend for gateway tests: answers every request with a JSON echo of what it received (its own name,
 * method, path, query, the {@code Authorization} and foundation identity headers, and the body). Like the Vaadin console, it sends
 * {@code X-Frame-Options: SAMEORIGIN}, which the gateway must not let through.
 */
public final class EchoBackend implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private EchoBackend(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::echo);
        server.start();
    }

    /**
     * Starts a backend on a free loopback port.
     *
     * @param name the name it reports in every answer
     * @return the running backend
     */
    public static EchoBackend start(String name) {
        return new EchoBackend(name);
    }

    /**
     * The base URI to route to.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * How many requests reached this backend.
     *
     * @return the count since start
     */
    public int requests() {
        return requests.get();
    }

    private void echo(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (InputStream in = exchange.getRequestBody()) {
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("backend", name);
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", exchange.getRequestURI().getRawPath());
            echo.put("query", exchange.getRequestURI().getRawQuery());
            echo.put("user", exchange.getRequestHeaders().get("X-Yuqing-User"));
            echo.put("units", exchange.getRequestHeaders().get("X-Yuqing-Units"));
            echo.put("authorization", exchange.getRequestHeaders().get("Authorization"));
            echo.put("clientAddress", exchange.getRequestHeaders().get("X-Yuqing-Client-Address"));
            echo.put("cookie", exchange.getRequestHeaders().getFirst("Cookie"));
            echo.put("body", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = JSON.writeValueAsBytes(echo);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Frame-Options", "SAMEORIGIN");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * Routes the console to {@code console} and every service to {@code services}, for tests that
     * need no per-service backend, and points the gateway at the shared test PostgreSQL.
     */
    public static void routeAll(org.springframework.test.context.DynamicPropertyRegistry registry,
                                EchoBackend console, EchoBackend services) {
        org.yuqing.platform.stack.StackTestProperties.postgres(registry);
        registry.add("yuqing.gateway.routes.console", () -> console.uri().toString());
        for (String service : new String[] {"monitoring", "grading", "casework", "publishing"}) {
            registry.add("yuqing.gateway.routes." + service, () -> services.uri().toString());
        }
    }
}
