package org.yuqing.gateway.tokens;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yuqing.gateway.CapturedLogs;
import org.yuqing.gateway.GatewayIntegrationTest;
import org.yuqing.security.YuqingClaims;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.gateway.GatewayClient.basic;
import static org.yuqing.gateway.GatewayClient.form;
import static org.yuqing.gateway.GatewayClient.json;

class TokenEndpointTest extends GatewayIntegrationTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Map<String, String> CLIENT_CREDENTIALS = Map.of("grant_type", "client_credentials");

    @Autowired
    JdbcTemplate jdbc;

    CapturedLogs logs;

    @BeforeEach
    void capture() {
        logs = CapturedLogs.of("yuqing.audit", "org.springframework", "org.yuqing", "org.apache");
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Test
    void a_service_with_the_right_secret_gets_a_client_token_with_role_service() throws Exception {
        HttpResponse<String> response = gateway.send("POST", "/oauth2/token", form(CLIENT_CREDENTIALS),
                "Content-Type", FORM, "Authorization", basic("test-service", SERVICE_SECRET));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode answer = json(response);
        assertThat(answer.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(answer.get("expires_in").asLong()).isEqualTo(300);
        JWTClaimsSet claims = SignedJWT.parse(answer.get("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("test-service");
        assertThat(claims.getStringClaim(YuqingClaims.KIND)).isEqualTo("client");
        assertThat(claims.getStringListClaim(YuqingClaims.ROLES)).containsExactly("SERVICE");
        assertThat(claims.getStringListClaim(YuqingClaims.UNITS)).isEmpty();
        assertThat(claims.getStringListClaim(YuqingClaims.UNIT_SCOPE)).isEmpty();
        assertThat(claims.getAudience()).containsExactly("yuqing");
    }

    @Test
    void a_crawler_may_authenticate_in_the_form_against_a_bcrypt_secret_and_its_token_passes_the_gateway() {
        HttpResponse<String> response = gateway.send("POST", "/oauth2/token",
                form(Map.of("grant_type", "client_credentials", "client_id", "test-crawler",
                        "client_secret", CRAWLER_SECRET)), "Content-Type", FORM);

        assertThat(response.statusCode()).isEqualTo(200);
        String token = json(response).get("access_token").asString();
        HttpResponse<String> ingest = gateway.send("POST", "/api/monitoring/posts",
                java.net.http.HttpRequest.BodyPublishers.ofString("{}"), "Content-Type", "application/json",
                "Authorization", "Bearer " + token);
        assertThat(ingest.statusCode()).as("a client token needs no CSRF token and is forwarded").isEqualTo(200);
        assertThat(json(ingest).get("authorization").values()).extracting(JsonNode::asString)
                .containsExactly("Bearer " + token);
    }

    @Test
    void a_wrong_secret_an_unknown_client_and_a_disabled_client_are_invalid_client_401() {
        List<String> credentials = List.of(basic("test-service", "not-the-secret"),
                basic("no-such-client", SERVICE_SECRET), basic("monitoring", ""));

        for (String authorization : credentials) {
            HttpResponse<String> response = gateway.send("POST", "/oauth2/token", form(CLIENT_CREDENTIALS),
                    "Content-Type", FORM, "Authorization", authorization);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).get("error").asString()).isEqualTo("invalid_client");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    header -> assertThat(header).startsWith("Basic"));
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.body()).doesNotContain("access_token");
        }
    }

    @Test
    void the_password_grant_is_unsupported_and_a_request_without_grant_type_is_invalid() {
        HttpResponse<String> password = gateway.send("POST", "/oauth2/token",
                form(Map.of("grant_type", "password", "username", "demo", "password", "yuqing-demo")),
                "Content-Type", FORM, "Authorization", basic("test-service", SERVICE_SECRET));
        HttpResponse<String> missing = gateway.send("POST", "/oauth2/token", form(Map.of("scope", "x")),
                "Content-Type", FORM, "Authorization", basic("test-service", SERVICE_SECRET));
        HttpResponse<String> json = gateway.send("POST", "/oauth2/token",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}"),
                "Content-Type", "application/json", "Authorization", basic("test-service", SERVICE_SECRET));

        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(json(password).get("error").asString()).isEqualTo("unsupported_grant_type");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("error").asString()).isEqualTo("invalid_request");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json(json).get("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void client_secrets_never_reach_a_log_and_token_issuance_is_audited_in_the_database() {
        long before = lastAuditId();
        gateway.send("POST", "/oauth2/token", form(CLIENT_CREDENTIALS), "Content-Type", FORM,
                "Authorization", basic("test-service", SERVICE_SECRET));
        gateway.send("POST", "/oauth2/token", form(CLIENT_CREDENTIALS), "Content-Type", FORM,
                "Authorization", basic("test-service", SERVICE_SECRET + "-wrong"));
        gateway.send("POST", "/oauth2/token", form(Map.of("grant_type", "client_credentials",
                "client_id", "test-crawler", "client_secret", CRAWLER_SECRET)), "Content-Type", FORM);

        assertThat(logs.everything()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .doesNotContain(SERVICE_SECRET, CRAWLER_SECRET));
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select actor, action, outcome, detail from identity.audit_event where id > ? order by id", before);
        assertThat(rows).anySatisfy(row -> assertThat(row).containsEntry("actor", "test-service")
                .containsEntry("action", "TOKEN_ISSUED").containsEntry("outcome", "SUCCESS"));
        assertThat(rows).anySatisfy(row -> assertThat(row).containsEntry("actor", "test-service")
                .containsEntry("action", "CLIENT_AUTH_FAILURE"));
        assertThat(rows).anySatisfy(row -> assertThat(row).containsEntry("actor", "test-crawler")
                .containsEntry("action", "TOKEN_ISSUED"));
        assertThat(rows).allSatisfy(row -> assertThat(String.valueOf(row.get("detail")))
                .doesNotContain(SERVICE_SECRET, CRAWLER_SECRET));
    }

    private long lastAuditId() {
        Long id = jdbc.queryForObject("select coalesce(max(id), 0) from identity.audit_event", Long.class);
        return id == null ? 0 : id;
    }
}
