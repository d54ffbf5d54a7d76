package org.yuqing.gateway.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.gateway.GatewayClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.gateway.GatewayClient.basic;
import static org.yuqing.gateway.GatewayClient.json;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnavailableServiceTest {

    private static final String NOBODY = "http://127.0.0.1:" + freePort();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        org.yuqing.platform.stack.StackTestProperties.postgres(registry);
        for (String target : new String[] {"monitoring", "grading", "casework", "publishing", "console"}) {
            registry.add("yuqing.gateway.routes." + target, () -> NOBODY);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void a_service_that_is_down_is_a_502_problem_without_a_stack_trace() {
        HttpResponse<String> response = new GatewayClient(port).send("GET", "/api/casework/cases",
                "Authorization", basic("demo", "yuqing-demo"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(502);
        assertThat(problem.get("detail").asString()).contains("casework");
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void the_public_site_being_down_is_a_502_problem_too() {
        HttpResponse<String> response = new GatewayClient(port).send("GET", "/public/statements");

        assertThat(response.statusCode()).isEqualTo(502);
    }
}
