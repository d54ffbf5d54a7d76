package org.yuqing.gateway.identity;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yuqing.gateway.GatewayIntegrationTest;
import org.yuqing.gateway.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.gateway.GatewayClient.json;

class CsrfCorsTest extends GatewayIntegrationTest {

    @Test
    void an_unsafe_api_call_on_the_session_cookie_alone_needs_the_xsrf_token() {
        String login = newUser("tang", List.of("district"), List.of("ANALYST"));
        String session = logIn(login, TestUsers.PASSWORD);
        int proxiedBefore = SERVICES.requests();

        HttpResponse<String> withoutToken = gateway.send("POST", "/api/casework/cases",
                HttpRequest.BodyPublishers.ofString("{}"), "Content-Type", "application/json",
                "Cookie", "YUQING_SESSION=" + session);
        HttpResponse<String> read = gateway.send("GET", "/api/identity/me", "Cookie", "YUQING_SESSION=" + session);
        String xsrf = cookie(read, "XSRF-TOKEN").orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
        HttpResponse<String> withToken = gateway.send("POST", "/api/casework/cases",
                HttpRequest.BodyPublishers.ofString("{}"), "Content-Type", "application/json",
                "Cookie", "YUQING_SESSION=" + session + "; XSRF-TOKEN=" + xsrf, "X-XSRF-TOKEN", xsrf);
        HttpResponse<String> wrongToken = gateway.send("POST", "/api/casework/cases",
                HttpRequest.BodyPublishers.ofString("{}"), "Content-Type", "application/json",
                "Cookie", "YUQING_SESSION=" + session + "; XSRF-TOKEN=" + xsrf, "X-XSRF-TOKEN", xsrf + "x");

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(SERVICES.requests()).as("only the call with the token was proxied").isEqualTo(proxiedBefore + 1);
    }

    @Test
    void calls_with_basic_or_bearer_credentials_need_no_csrf_token() {
        String login = newUser("feng", List.of("district"), List.of("ANALYST"));
        String token = userToken(login);

        HttpResponse<String> basic = gateway.send("POST", "/api/casework/cases",
                HttpRequest.BodyPublishers.ofString("{}"), "Content-Type", "application/json",
                "Authorization", basicOf(login));
        HttpResponse<String> bearer = gateway.send("PUT", "/api/casework/cases/1",
                HttpRequest.BodyPublishers.ofString("{}"), "Content-Type", "application/json",
                "Authorization", "Bearer " + token);
        HttpResponse<String> own = gateway.send("POST", "/api/identity/token", "Authorization", basicOf(login));

        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(own.statusCode()).isEqualTo(200);
    }

    @Test
    void the_gateways_own_api_is_csrf_protected_on_the_session_too() {
        String login = newUser("pan", List.of("district"), List.of("ANALYST"));
        String session = logIn(login, TestUsers.PASSWORD);

        HttpResponse<String> refused = gateway.send("POST", "/api/identity/token",
                "Cookie", "YUQING_SESSION=" + session);
        String xsrf = cookie(gateway.send("GET", "/api/identity/me", "Cookie", "YUQING_SESSION=" + session),
                "XSRF-TOKEN").orElseThrow();
        HttpResponse<String> allowed = gateway.send("POST", "/api/identity/token",
                "Cookie", "YUQING_SESSION=" + session + "; XSRF-TOKEN=" + xsrf, "X-XSRF-TOKEN", xsrf);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(json(allowed).get("token_type").asString()).isEqualTo("Bearer");
    }

    @Test
    void a_preflight_from_an_unlisted_origin_is_refused_without_cors_headers() {
        HttpResponse<String> response = gateway.send("OPTIONS", "/api/monitoring/posts",
                "Origin", "https://evil.example", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).isEmpty();
    }

    @Test
    void a_preflight_from_the_listed_origin_is_allowed_with_authorization_and_content_type() {
        int proxiedBefore = SERVICES.requests();

        HttpResponse<String> response = gateway.send("OPTIONS", "/api/monitoring/posts",
                "Origin", LISTED_ORIGIN, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(LISTED_ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                headers -> assertThat(headers.toLowerCase()).contains("authorization", "content-type"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("POST"));
        assertThat(SERVICES.requests()).as("a preflight is answered by the gateway").isEqualTo(proxiedBefore);
    }

    @Test
    void a_cross_origin_call_from_an_unlisted_origin_is_refused_and_from_the_listed_one_allowed() {
        String login = newUser("yao", List.of("district"), List.of("MONITOR"));

        HttpResponse<String> unlisted = gateway.send("GET", "/api/monitoring/topics",
                "Origin", "https://evil.example", "Authorization", basicOf(login));
        HttpResponse<String> listed = gateway.send("GET", "/api/monitoring/topics",
                "Origin", LISTED_ORIGIN, "Authorization", basicOf(login));

        assertThat(unlisted.statusCode()).isEqualTo(403);
        assertThat(unlisted.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(LISTED_ORIGIN);
    }
}
