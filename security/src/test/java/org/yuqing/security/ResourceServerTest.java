package org.yuqing.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.platform.stack.StackTestProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceServerTest {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        StackTestProperties.postgres(registry);
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestTokens tokens = TestTokens.shared();

    @Test
    void a_valid_token_is_accepted_and_the_service_knows_the_callers_unit_scope() throws Exception {
        String bearer = tokens.user("zhang").units("east").scope("east", "east-1").bearer();

        HttpResponse<String> answer = call("GET", "/api/demo/reports/east-1", bearer);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.path("reader").asString()).isEqualTo("zhang");
        assertThat(body.path("scope").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("east", "east-1");
    }

    @Test
    void a_request_without_a_token_is_refused_with_401_as_problem_json() throws Exception {
        HttpResponse<String> answer = call("GET", "/api/demo/reports/east", null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json.readTree(answer.body()).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void expired_forged_unsigned_foreign_key_wrong_issuer_and_wrong_audience_tokens_are_all_refused() throws Exception {
        String valid = tokens.user("li").units("east").token();
        Map<String, String> bad = Map.of(
                "expired", tokens.user("li").units("east").expired(Duration.ofMinutes(5)).token(),
                "tampered", TestTokens.tampered(valid),
                "unsigned", TestTokens.unsigned(valid),
                "signed by a key no JWKS publishes", TestTokens.stranger().user("li").units("east").token(),
                "another issuer", tokens.user("li").units("east").issuer("http://elsewhere.test").token(),
                "another audience", tokens.user("li").units("east").audience("payroll").token(),
                "not a JWT", "definitely-not-a-token");

        assertThat(call("GET", "/api/demo/reports/east", "Bearer " + valid).statusCode()).isEqualTo(200);
        for (Map.Entry<String, String> token : bad.entrySet()) {
            assertThat(status("GET", "/api/demo/reports/east", "Bearer " + token.getValue()))
                    .as(token.getKey()).isEqualTo(401);
        }
    }

    @Test
    void a_missing_role_is_refused_with_403_and_the_attempt_is_in_the_audit() throws Exception {
        String login = "monitor-" + UUID.randomUUID();
        String bearer = tokens.user(login).roles(Role.MONITOR).units("east").bearer();

        HttpResponse<String> answer = call("POST", "/api/demo/reports/east/sign", bearer);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(json.readTree(answer.body()).path("status").asInt()).isEqualTo(403);
        List<Map<String, Object>> lines = jdbc.queryForList(
                "select action, target, outcome, actor_units from security_test.audit_event where actor = ?", login);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.get("action")).isEqualTo("DENIED");
            assertThat(line.get("target")).isEqualTo("POST /api/demo/reports/east/sign");
            assertThat(line.get("actor_units")).isEqualTo("east");
        });
    }

    @Test
    void another_units_object_answers_404_like_an_unknown_id_and_is_audited() throws Exception {
        String login = "west-" + UUID.randomUUID();
        String bearer = tokens.user(login).units("west").bearer();

        assertThat(status("GET", "/api/demo/reports/east", bearer)).isEqualTo(404);
        assertThat(status("POST", "/api/demo/reports/east/sign", bearer)).isEqualTo(404);
        assertThat(jdbc.queryForList("select target from security_test.audit_event where actor = ? and action = 'DENIED'",
                String.class, login)).containsExactly("GET /api/demo/reports/east", "POST /api/demo/reports/east/sign");
    }

    @Test
    void creating_for_a_unit_outside_the_scope_is_forbidden_and_audited() throws Exception {
        String login = "west-" + UUID.randomUUID();
        String bearer = tokens.user(login).units("west").scope("west", "west-1").bearer();

        assertThat(status("POST", "/api/demo/reports?unit=west-1", bearer)).isEqualTo(200);
        HttpResponse<String> refused = call("POST", "/api/demo/reports?unit=east", bearer);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(jdbc.queryForList("select detail from security_test.audit_event where actor = ?", String.class, login))
                .singleElement().asString().contains("report for unit east");
    }

    @Test
    void a_sensitive_action_is_audited_with_who_and_from_where() throws Exception {
        String login = "leader-" + UUID.randomUUID();
        String bearer = tokens.user(login).roles(Role.LEADER).units("east").bearer();

        assertThat(status("POST", "/api/demo/reports/east/sign", bearer)).isEqualTo(200);

        Map<String, Object> line = jdbc.queryForMap(
                "select action, outcome, target, client_address from security_test.audit_event where actor = ?", login);
        assertThat(line).containsEntry("action", "APPROVAL").containsEntry("outcome", "DONE")
                .containsEntry("target", "report of east").containsEntry("client_address", "127.0.0.1");
    }

    @Test
    void behind_the_gateway_the_audit_names_the_client_the_gateway_saw_and_the_gateway_itself() throws Exception {
        String login = "leader-" + UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/demo/reports/east/sign"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", tokens.user(login).roles(Role.LEADER).units("east").bearer())
                .header("X-Yuqing-Client-Address", "203.0.113.5")
                .build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        assertThat(jdbc.queryForObject("select client_address from security_test.audit_event where actor = ?",
                String.class, login)).isEqualTo("203.0.113.5 via 127.0.0.1");
    }

    @Test
    void an_endpoint_the_rules_do_not_name_is_refused_even_to_a_holder_of_every_role() throws Exception {
        assertThat(status("GET", "/api/demo/unlisted", tokens.user("admin").units("east").bearer())).isEqualTo(403);
    }

    @Test
    void the_event_feed_is_for_platform_services_only() throws Exception {
        assertThat(status("GET", "/internal/events?waitMillis=0", null)).isEqualTo(401);
        assertThat(status("GET", "/internal/events?waitMillis=0", tokens.user("admin").units("east").bearer()))
                .isEqualTo(403);
        assertThat(status("GET", "/internal/events?waitMillis=0", tokens.service("grading"))).isEqualTo(200);
    }

    @Test
    void health_needs_no_token_and_the_audit_api_needs_an_administrator() throws Exception {
        assertThat(status("GET", "/actuator/health", null)).isEqualTo(200);
        assertThat(status("GET", "/api/demo/audit", tokens.user("m").roles(Role.MONITOR).units("east").bearer()))
                .isEqualTo(403);
        HttpResponse<String> audit = call("GET", "/api/demo/audit?limit=5",
                tokens.user("a").roles(Role.ADMIN).units("east").bearer());
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(json.readTree(audit.body()).isArray()).isTrue();
    }

    @Test
    void an_administrator_reads_the_audit_of_their_own_units_only() throws Exception {
        String eastUser = "east-" + UUID.randomUUID();
        String westUser = "west-" + UUID.randomUUID();
        call("POST", "/api/demo/reports/east/sign", tokens.user(eastUser).roles(Role.MONITOR).units("east").bearer());
        call("POST", "/api/demo/reports/west/sign", tokens.user(westUser).roles(Role.MONITOR).units("west").bearer());

        String westAdmin = tokens.user("west-admin").roles(Role.ADMIN).units("west").bearer();
        String audit = call("GET", "/api/demo/audit?limit=1000", westAdmin).body();

        assertThat(audit).contains(westUser).doesNotContain(eastUser);
    }

    @Test
    void nobody_can_change_or_delete_an_audit_line() throws Exception {
        call("GET", "/api/demo/reports/east", null);
        long id = jdbc.queryForObject("select max(id) from security_test.audit_event", Long.class);

        assertThatThrownBy(() -> jdbc.update("update security_test.audit_event set actor = 'nobody' where id = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from security_test.audit_event where id = ?", id))
                .hasMessageContaining("append-only");
    }

    private int status(String method, String path, String authorization) throws IOException, InterruptedException {
        return call(method, path, authorization).statusCode();
    }

    private HttpResponse<String> call(String method, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
