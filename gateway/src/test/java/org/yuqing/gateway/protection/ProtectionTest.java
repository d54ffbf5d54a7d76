package org.yuqing.gateway.protection;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.gateway.CapturedLogs;
import org.yuqing.gateway.EchoBackend;
import org.yuqing.gateway.GatewayClient;
import org.yuqing.gateway.MutableClock;
import org.yuqing.gateway.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.gateway.GatewayClient.basic;
import static org.yuqing.gateway.GatewayClient.json;
import static org.yuqing.gateway.db.Tables.USERS;

@Import(MutableClock.Config.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "yuqing.gateway.protection.max-api-body-size=1KB",
    "yuqing.gateway.protection.max-upload-size=4KB",
    "yuqing.gateway.protection.requests-per-second=2",
    "yuqing.gateway.protection.burst=3",
})
class ProtectionTest {

    private static final EchoBackend CONSOLE = EchoBackend.start("console");
    private static final EchoBackend SERVICES = EchoBackend.start("services");
    private static final String DEMO = basic("demo", "yuqing-demo");
    private static final String ZHANG_LOGIN = TestUsers.unique("zhang");
    private static final String ZHANG = basic(ZHANG_LOGIN, TestUsers.PASSWORD);

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        EchoBackend.routeAll(registry, CONSOLE, SERVICES);
    }

    @AfterAll
    static void stopBackends() {
        CONSOLE.close();
        SERVICES.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    TokenBuckets buckets;

    @Autowired
    DSLContext db;

    GatewayClient gateway;
    CapturedLogs logs;

    @BeforeEach
    void setUp() {
        if (!db.fetchExists(USERS, USERS.LOGIN.eq(ZHANG_LOGIN))) {
            TestUsers.user(db, ZHANG_LOGIN, List.of("district"), List.of("MONITOR"));
        }
        gateway = new GatewayClient(port);
        buckets.clear();
        logs = CapturedLogs.of("yuqing.audit");
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Test
    void the_console_page_through_the_gateway_carries_every_security_header_and_only_the_gateways_frame_rule() {
        HttpResponse<String> page = gateway.send("GET", "/cases", "Authorization", DEMO, "Accept", "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(json(page).get("backend").asString()).isEqualTo("console");
        assertSecurityHeaders(page);
        assertThat(page.headers().allValues("X-Frame-Options")).as("the console's SAMEORIGIN is replaced")
                .containsExactly("DENY");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'", "frame-ancestors 'none'", "object-src 'none'");
    }

    @Test
    void the_gateways_own_answers_and_denials_carry_the_security_headers_too() {
        assertSecurityHeaders(gateway.send("GET", "/login"));
        assertSecurityHeaders(gateway.send("GET", "/api/casework/cases"));
        assertSecurityHeaders(gateway.send("GET", "/api/nothing-here", "Authorization", DEMO));
        assertSecurityHeaders(gateway.send("GET", "/api/me", "Authorization", DEMO));
    }

    @Test
    void hsts_is_sent_only_over_https() {
        HttpResponse<String> plain = gateway.send("GET", "/login");

        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void an_api_body_over_the_limit_is_refused_with_413_before_it_is_proxied() {
        int proxiedBefore = SERVICES.requests();

        HttpResponse<String> response = gateway.send("POST", "/api/monitoring/posts",
                HttpRequest.BodyPublishers.ofString("x".repeat(1025)), "Authorization", DEMO,
                "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("status").asInt()).isEqualTo(413);
        assertThat(SERVICES.requests()).isEqualTo(proxiedBefore);
    }

    @Test
    void a_chunked_api_body_over_the_limit_is_refused_with_413_too() {
        byte[] body = "y".repeat(64 * 1024).getBytes();

        HttpResponse<String> response = gateway.send("POST", "/api/monitoring/posts",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                "Authorization", DEMO, "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("status").asInt()).isEqualTo(413);
    }

    @Test
    void an_api_body_within_the_limit_is_proxied() {
        String body = "x".repeat(1024);

        HttpResponse<String> response = gateway.send("POST", "/api/monitoring/posts",
                HttpRequest.BodyPublishers.ofString(body), "Authorization", DEMO, "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("body").asString()).isEqualTo(body);
    }

    @Test
    void a_file_upload_has_its_own_larger_limit() {
        String boundary = "yuqing-boundary";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"posts.jsonl\"\r\n"
                + "Content-Type: application/x-ndjson\r\n\r\n%s\r\n--" + boundary + "--\r\n";
        String within = part.formatted("x".repeat(3 * 1024));
        String over = part.formatted("x".repeat(5 * 1024));

        HttpResponse<String> accepted = gateway.send("POST", "/api/monitoring/imports",
                HttpRequest.BodyPublishers.ofString(within), "Authorization", DEMO,
                "Content-Type", "multipart/form-data; boundary=" + boundary);
        HttpResponse<String> refused = gateway.send("POST", "/api/monitoring/imports",
                HttpRequest.BodyPublishers.ofString(over), "Authorization", DEMO,
                "Content-Type", "multipart/form-data; boundary=" + boundary);

        assertThat(accepted.statusCode()).as("3 KB upload, over the 1 KB API limit").isEqualTo(200);
        assertThat(refused.statusCode()).as("5 KB upload, over the 4 KB upload limit").isEqualTo(413);
    }

    @Test
    void a_user_past_the_burst_gets_429_with_retry_after_and_other_users_are_not_affected() {
        for (int i = 0; i < 3; i++) {
            assertThat(gateway.send("GET", "/api/grading/plans", "Authorization", DEMO).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = gateway.send("GET", "/api/grading/plans", "Authorization", DEMO);
        HttpResponse<String> otherUser = gateway.send("GET", "/api/grading/plans", "Authorization", ZHANG);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(limited).get("status").asInt()).isEqualTo(429);
        assertThat(otherUser.statusCode()).isEqualTo(200);
        assertThat(logs.lines("yuqing.audit")).anySatisfy(line -> assertThat(line)
                .contains("action=\"DENIED\"", "outcome=\"429\"", "who=\"demo\"", "path=\"/api/grading/plans\""));
    }

    @Test
    void the_bucket_refills_at_the_configured_rate() {
        for (int i = 0; i < 3; i++) {
            gateway.send("GET", "/api/grading/plans", "Authorization", DEMO);
        }
        assertThat(gateway.send("GET", "/api/grading/plans", "Authorization", DEMO).statusCode()).isEqualTo(429);

        clock.advance(Duration.ofMillis(500));

        assertThat(gateway.send("GET", "/api/grading/plans", "Authorization", DEMO).statusCode()).isEqualTo(200);
        assertThat(gateway.send("GET", "/api/grading/plans", "Authorization", DEMO).statusCode()).isEqualTo(429);
    }

    @Test
    void anonymous_requests_to_the_public_site_are_limited_per_client_address() {
        for (int i = 0; i < 3; i++) {
            assertThat(gateway.send("GET", "/public/statements").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = gateway.send("GET", "/public/statements");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(gateway.send("GET", "/actuator/health").statusCode()).as("health is never limited")
                .isEqualTo(200);
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("frame-ancestors 'none'"));
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().allValues("Referrer-Policy")).containsExactly("same-origin");
        assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.headers().firstValue("Permissions-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("camera=()", "geolocation=()"));
    }
}
