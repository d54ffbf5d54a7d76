package org.yuqing.gateway.routing;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.gateway.EchoBackend;
import org.yuqing.gateway.GatewayClient;
import org.yuqing.platform.stack.StackTestProperties;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.gateway.GatewayClient.basic;
import static org.yuqing.gateway.GatewayClient.json;
import static org.yuqing.gateway.GatewayClient.relayedClaims;
import static org.yuqing.gateway.GatewayClient.relayedSubject;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutingTest {

    private static final EchoBackend MONITORING = EchoBackend.start("monitoring");
    private static final EchoBackend GRADING = EchoBackend.start("grading");
    private static final EchoBackend CASEWORK = EchoBackend.start("casework");
    private static final EchoBackend PUBLISHING = EchoBackend.start("publishing");
    private static final EchoBackend CONSOLE = EchoBackend.start("console");

    private static final String DEMO = basic("demo", "yuqing-demo");

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        StackTestProperties.postgres(registry);
        registry.add("yuqing.gateway.routes.monitoring", () -> MONITORING.uri().toString());
        registry.add("yuqing.gateway.routes.grading", () -> GRADING.uri().toString());
        registry.add("yuqing.gateway.routes.casework", () -> CASEWORK.uri().toString());
        registry.add("yuqing.gateway.routes.publishing", () -> PUBLISHING.uri().toString());
        registry.add("yuqing.gateway.routes.console", () -> CONSOLE.uri().toString());
    }

    @AfterAll
    static void stopBackends() {
        for (EchoBackend backend : new EchoBackend[] {MONITORING, GRADING, CASEWORK, PUBLISHING, CONSOLE}) {
            backend.close();
        }
    }

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void client() {
        gateway = new GatewayClient(port);
    }

    @Test
    void api_call_without_credentials_is_answered_401_with_a_problem_and_no_redirect() {
        HttpResponse<String> response = gateway.send("GET", "/api/casework/cases", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Location")).isEmpty();
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/casework/cases");
    }

    @Test
    void api_call_with_a_wrong_basic_password_is_answered_401_with_a_problem() {
        HttpResponse<String> response = gateway.send("GET", "/api/casework/cases",
                "Authorization", basic("demo", "not-the-password"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void api_call_with_basic_credentials_reaches_its_service_unchanged_with_a_token_of_the_demo_user() {
        HttpResponse<String> response = gateway.send("GET",
                "/api/monitoring/posts/search?q=%E5%8C%96%E5%B7%A5%E5%8E%82&size=5", "Authorization", DEMO);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = json(response);
        assertThat(echo.get("backend").asString()).isEqualTo("monitoring");
        assertThat(echo.get("method").asString()).isEqualTo("GET");
        assertThat(echo.get("path").asString()).isEqualTo("/api/monitoring/posts/search");
        assertThat(echo.get("query").asString()).isEqualTo("q=%E5%8C%96%E5%B7%A5%E5%8E%82&size=5");
        assertThat(relayedSubject(echo)).isEqualTo("demo");
        assertThat(relayedClaims(echo).getClaim("units")).isEqualTo(java.util.List.of("district"));
    }

    @Test
    void identity_headers_forged_by_a_client_are_removed_and_the_gateways_token_speaks_for_the_user() {
        HttpResponse<String> response = gateway.send("GET", "/api/grading/plans",
                "Authorization", DEMO, "X-Yuqing-User", "admin", "x-yuqing-units", "province,ministry");

        JsonNode echo = json(response);
        assertThat(echo.get("backend").asString()).isEqualTo("grading");
        assertThat(echo.get("user").isNull()).isTrue();
        assertThat(echo.get("units").isNull()).isTrue();
        assertThat(relayedSubject(echo)).isEqualTo("demo");
    }

    @Test
    void each_api_family_reaches_its_own_service() {
        assertThat(json(gateway.send("GET", "/api/grading/plans", "Authorization", DEMO))
                .get("backend").asString()).isEqualTo("grading");
        assertThat(json(gateway.send("GET", "/api/casework/cases", "Authorization", DEMO))
                .get("backend").asString()).isEqualTo("casework");
        assertThat(json(gateway.send("GET", "/api/publishing/statements", "Authorization", DEMO))
                .get("backend").asString()).isEqualTo("publishing");
    }

    @Test
    void a_posted_body_is_proxied_unchanged() {
        String body = "{\"title\":\"化工厂爆炸\",\"site\":\"weibo.com\"}";
        HttpResponse<String> response = gateway.send("POST", "/api/monitoring/posts",
                HttpRequest.BodyPublishers.ofString(body), "Authorization", DEMO,
                "Content-Type", "application/json; charset=UTF-8");

        JsonNode echo = json(response);
        assertThat(echo.get("method").asString()).isEqualTo("POST");
        assertThat(echo.get("body").asString()).isEqualTo(body);
    }

    @Test
    void the_public_site_is_proxied_to_publishing_without_login_and_without_an_identity() {
        HttpResponse<String> response = gateway.send("GET", "/public/statements/feed.atom",
                "X-Yuqing-User", "forged");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = json(response);
        assertThat(echo.get("backend").asString()).isEqualTo("publishing");
        assertThat(echo.get("path").asString()).isEqualTo("/public/statements/feed.atom");
        assertThat(echo.get("user").isNull()).isTrue();
        assertThat(echo.get("units").isNull()).isTrue();
        assertThat(echo.get("authorization").isNull()).isTrue();
    }

    @Test
    void event_feeds_are_never_routed() {
        HttpResponse<String> anonymous = gateway.send("GET", "/internal/events?after=0");
        HttpResponse<String> authenticated = gateway.send("GET", "/internal/events?after=0", "Authorization", DEMO);

        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(authenticated.statusCode()).isEqualTo(404);
        assertThat(authenticated.body()).doesNotContain("\"backend\"");
    }

    @Test
    void an_unknown_api_family_is_a_404_problem_not_the_console() {
        HttpResponse<String> response = gateway.send("GET", "/api/nothing-here", "Authorization", DEMO);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void health_is_open_without_login() {
        HttpResponse<String> response = gateway.send("GET", "/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asString()).isEqualTo("UP");
    }
}
