package org.yuqing.grading;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.platform.stack.StackTestProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The grading service started once for all integration tests of this module, on the shared
 * PostgreSQL. Its "monitoring" subscription reads the service's own feed, so a test can put a
 * monitoring event into the outbox and watch the real consumer grade it.
 */
@SpringBootTest(classes = GradingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class GradingServiceTest {

    private static final int PORT = freePort();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry r) {
        StackTestProperties.postgres(r);
        r.add("server.port", () -> PORT);
        r.add("yuqing.events.subscriptions.monitoring.uri", () -> "http://127.0.0.1:" + PORT + "/internal/events");
        r.add("yuqing.events.subscriptions.monitoring.poll-wait", () -> "PT1S");
    }

    /** GET on this service. */
    protected static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** POST of a JSON body to this service. */
    protected static HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A request with a JSON body (any method, e.g. DELETE with a body) sent as {@code user}. */
    protected static HttpResponse<String> sendJson(String method, String path, String json, String user) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("X-Yuqing-User", user).method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + PORT + path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
