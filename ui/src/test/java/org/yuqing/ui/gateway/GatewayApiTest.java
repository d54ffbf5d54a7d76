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
            received.add(Map.of("method", exchange.getRequestMethod(),
                    "path", exchange.getRequestURI().getRawPath(),
                    "query", String.valueOf(exchange.getRequestURI().getRawQuery()),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "cookie", String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")),
                    "contentType", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                    "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type",
                    status >= 400 ? "application/problem+json" : "application/json");
            if (status == 204) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
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

    private static GatewayApi api(URI url, Optional<String> authorization) {
        return GatewayApi.create(RestClient.builder(), JSON, url, () -> authorization);
    }

    @Test
    void calls_carry_the_users_bearer_token_and_no_cookie() {
        URI url = gatewayAnswering(200, "{\"total\":0,\"hits\":[]}");

        api(url, Optional.of("Bearer abc.def.ghi")).get("/api/monitoring/posts/search", Map.of("q", "x"), Map.class);

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.get("authorization")).isEqualTo("Bearer abc.def.ghi");
            assertThat(request.get("cookie")).isEqualTo("null");
        });
    }

    @Test
    void without_a_token_no_authorization_is_sent() {
        URI url = gatewayAnswering(200, "[]");

        api(url, Optional.empty()).getList("/api/casework/cases", Map.class);

        assertThat(received).singleElement().satisfies(request ->
                assertThat(request.get("authorization")).isEqualTo("null"));
    }

    @Test
    void post_put_and_delete_send_json_with_the_token_and_encode_ids_as_one_path_segment() throws Exception {
        URI url = gatewayAnswering(204, "");
        GatewayApi api = api(url, Optional.of("Bearer t1"));

        api.post("/api/identity/units", Map.of("id", "east-1", "name", "东区", "parentId", "city"));
        api.put("/api/identity/units/{id}", Map.of("name", "东城区"), "east/1 x");
        api.delete("/api/identity/units/{id}", "east-1");

        assertThat(received).hasSize(3);
        List<Map<String, String>> requests = List.copyOf(received);
        assertThat(requests.get(0)).containsEntry("method", "POST").containsEntry("path", "/api/identity/units")
                .containsEntry("authorization", "Bearer t1");
        assertThat(requests.get(0).get("contentType")).startsWith("application/json");
        assertThat(JSON.readTree(requests.get(0).get("body")).path("name").asString()).isEqualTo("东区");
        assertThat(requests.get(1)).containsEntry("method", "PUT")
                .containsEntry("path", "/api/identity/units/east%2F1%20x");
        assertThat(JSON.readTree(requests.get(1).get("body")).path("name").asString()).isEqualTo("东城区");
        assertThat(requests.get(2)).containsEntry("method", "DELETE")
                .containsEntry("path", "/api/identity/units/east-1").containsEntry("body", "");
    }

    @Test
    void a_refused_change_carries_the_services_problem_detail_for_the_user() {
        URI url = gatewayAnswering(409, "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                + "\"detail\":\"单位“东区”下仍有 3 个用户，不能删除\"}");

        assertThatExceptionOfType(GatewayCallException.class)
                .isThrownBy(() -> api(url, Optional.of("Bearer t")).delete("/api/identity/units/{id}", "east"))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(GatewayCallException.Reason.CONFLICT);
                    assertThat(e.detail()).contains("单位“东区”下仍有 3 个用户，不能删除");
                    assertThat(e.userMessage(key -> "translated " + key)).isEqualTo("单位“东区”下仍有 3 个用户，不能删除");
                });
    }

    @Test
    void a_refusal_without_a_detail_falls_back_to_the_translated_reason() {
        URI url = gatewayAnswering(400, "not json at all");

        assertThatExceptionOfType(GatewayCallException.class)
                .isThrownBy(() -> api(url, Optional.empty()).post("/api/identity/users", Map.of("login", "")))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(GatewayCallException.Reason.REJECTED);
                    assertThat(e.detail()).isEmpty();
                    assertThat(e.userMessage(key -> "translated " + key)).isEqualTo("translated error.REJECTED");
                });
    }

    @Test
    void the_detail_of_a_401_is_not_shown_the_user_is_told_to_log_in_again() {
        URI url = gatewayAnswering(401, "{\"status\":401,\"detail\":\"Bearer token expired\"}");

        assertThatExceptionOfType(GatewayCallException.class)
                .isThrownBy(() -> api(url, Optional.of("Bearer old")).put("/api/identity/users/{login}",
                        Map.of("name", "x"), "zhang"))
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(GatewayCallException.Reason.NOT_LOGGED_IN);
                    assertThat(e.detail()).isEmpty();
                });
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
    void an_expired_login_is_reported_as_not_logged_in() {
        URI url = gatewayAnswering(401, "{\"status\":401}");

        assertThatExceptionOfType(GatewayCallException.class)
                .isThrownBy(() -> api(url, Optional.of("Bearer old")).getList("/api/casework/cases", Map.class))
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
