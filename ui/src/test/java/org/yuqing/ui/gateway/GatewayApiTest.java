package org.yuqing.ui.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GatewayApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConcurrentLinkedQueue<Map<String, String>> received = new ConcurrentLinkedQueue<>();
    private HttpServer gateway;

    /** A stand-in for the gateway answering {@code status} with {@code body} and recording each request. */
    private URI gatewayAnswering(int status, String body) {
        try {
            gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gateway.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        gateway.createContext("/", exchange -> {
            String cookie = exchange.getRequestHeaders().getFirst("Cookie");
            received.add(Map.of("path", exchange.getRequestURI().getRawPath(),
                    "query", String.valueOf(exchange.getRequestURI().getRawQuery()),
                    "cookie", String.valueOf(cookie)));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type",
                    status >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        gateway.start();
        return URI.create("http://127.0.0.1:" + gateway.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop(0);
        }
    }

    private static GatewayApi api(URI url, Optional<String> session) {
        return GatewayApi.create(RestClient.builder(), JSON, url, "YUQING_SESSION", () -> session);
    }

    @Test
    void calls_carry_the_browsers_gateway_session_and_nothing_else() {
        URI url = gatewayAnswering(200, "{\"total\":0,\"hits\":[]}");

        api(url, Optional.of("abc123")).get("/api/monitoring/posts/search", Map.of("q", "x"), Map.class);

        assertThat(received).singleElement().satisfies(request ->
                assertThat(request.get("cookie")).isEqualTo("YUQING_SESSION=abc123"));
    }

    @Test
    void without_a_session_no_cookie_is_sent() {
        URI url = gatewayAnswering(200, "[]");

        api(url, Optional.empty()).getList("/api/casework/cases", Map.class);

        assertThat(received).singleElement().satisfies(request ->
                assertThat(request.get("cookie")).isEqualTo("null"));
    }

    @Test
    void query_words_are_url_encoded_including_chinese_and_reserved_characters() {
        URI url = gatewayAnswering(200, "{\"total\":0,\"hits\":[]}");

        api(url, Optional.empty()).get("/api/monitoring/posts/search", Map.of("q", "化工厂 爆炸&x=1"), Map.class);

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.get("path")).isEqualTo("/api/monitoring/posts/search");
            assertThat(request.get("query"))
                    .isEqualTo("q=%E5%8C%96%E5%B7%A5%E5%8E%82%20%E7%88%86%E7%82%B8%26x%3D1");
        });
    }

    @Test
    void a_list_is_read_from_a_bare_array_or_from_an_items_wrapper() {
        record Item(String id, Instant dueAt) {
        }
        String items = "[{\"id\":\"c-1\",\"dueAt\":\"2026-11-21T10:00:00Z\",\"extra\":true},{\"id\":\"c-2\"}]";
        URI bare = gatewayAnswering(200, items);
        List<Item> fromArray = api(bare, Optional.empty()).getList("/api/casework/cases", Item.class);
        stop();
        URI wrapped = gatewayAnswering(200, "{\"items\":" + items + ",\"total\":2}");
        List<Item> fromWrapper = api(wrapped, Optional.empty()).getList("/api/casework/cases", Item.class);

        List<Item> expected = List.of(new Item("c-1", Instant.parse("2026-11-21T10:00:00Z")), new Item("c-2", null));
        assertThat(fromArray).isEqualTo(expected);
        assertThat(fromWrapper).isEqualTo(expected);
    }

    @Test
    void an_expired_gateway_session_is_reported_as_not_logged_in() {
        URI url = gatewayAnswering(401, "{\"status\":401}");

        assertThatExceptionOfType(GatewayCallException.class)
                .isThrownBy(() -> api(url, Optional.of("old")).getList("/api/casework/cases", Map.class))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(GatewayCallException.Reason.NOT_LOGGED_IN);
                    assertThat(e.messageKey()).isEqualTo("error.NOT_LOGGED_IN");
                });
    }

    @Test
    void a_failing_service_behind_the_gateway_is_reported_as_unavailable() {
        URI url = gatewayAnswering(503, "{\"status\":503}");

        assertThatExceptionOfType(GatewayCallException.class)
                .isThrownBy(() -> api(url, Optional.empty()).get("/api/monitoring/posts/search",
                        Map.of("q", "x"), Map.class))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(GatewayCallException.Reason.SERVICE_UNAVAILABLE));
    }

    @Test
    void an_answer_that_is_not_a_list_is_reported_as_unexpected() {
        URI url = gatewayAnswering(200, "{\"message\":\"hello\"}");

        assertThatExceptionOfType(GatewayCallException.class)
                .isThrownBy(() -> api(url, Optional.empty()).getList("/api/casework/cases", Map.class))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(GatewayCallException.Reason.UNEXPECTED_ANSWER));
    }

    @Test
    void an_absent_gateway_is_reported_as_unreachable() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + freePort);

        assertThatExceptionOfType(GatewayCallException.class)
                .isThrownBy(() -> api(nobody, Optional.empty()).getList("/api/casework/cases", Map.class))
                .satisfies(e -> assertThat(e.reason()).isEqualTo(GatewayCallException.Reason.GATEWAY_UNREACHABLE));
    }
}
