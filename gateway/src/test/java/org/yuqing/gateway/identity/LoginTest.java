package org.yuqing.gateway.identity;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.gateway.EchoBackend;
import org.yuqing.gateway.GatewayClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.gateway.GatewayClient.basic;
import static org.yuqing.gateway.GatewayClient.form;
import static org.yuqing.gateway.GatewayClient.json;
import static org.yuqing.gateway.GatewayClient.relayedSubject;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginTest {

    private static final EchoBackend CONSOLE = EchoBackend.start("console");
    private static final EchoBackend SERVICES = EchoBackend.start("services");

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

    GatewayClient gateway;

    @BeforeEach
    void client() {
        gateway = new GatewayClient(port);
    }

    @Test
    void a_browser_page_without_a_session_is_redirected_to_the_login_page() {
        HttpResponse<String> response = gateway.send("GET", "/cases", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void the_login_page_is_a_chinese_form_with_a_csrf_token() {
        HttpResponse<String> page = gateway.send("GET", "/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("用户名", "密码", "name=\"_csrf\"").doesNotContain("login-error");
    }

    @Test
    void form_login_sets_the_yuqing_session_and_the_console_is_then_proxied_as_that_user() {
        String session = logIn("demo", "yuqing-demo");

        HttpResponse<String> page = gateway.send("GET", "/cases?x=1", "Cookie", "YUQING_SESSION=" + session,
                "X-Yuqing-User", "someone-else");

        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode echo = json(page);
        assertThat(echo.get("backend").asString()).isEqualTo("console");
        assertThat(echo.get("path").asString()).isEqualTo("/cases");
        assertThat(echo.get("user").isNull()).as("forged identity header removed").isTrue();
        assertThat(relayedSubject(echo)).isEqualTo("demo");
        // The console calls the API back with this cookie, so it must reach it.
        assertThat(echo.get("cookie").asString()).contains("YUQING_SESSION=" + session);
    }

    @Test
    void the_session_cookie_also_authenticates_api_calls() {
        String session = logIn("demo", "yuqing-demo");

        HttpResponse<String> response = gateway.send("GET", "/api/casework/cases",
                "Cookie", "YUQING_SESSION=" + session);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(relayedSubject(json(response))).isEqualTo("demo");
    }

    @Test
    void a_wrong_password_goes_back_to_the_login_page_with_an_error() {
        LoginForm form = openLoginForm();

        HttpResponse<String> response = gateway.send("POST", "/login",
                form(Map.of("username", "demo", "password", "wrong", "_csrf", form.csrf())),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", "YUQING_SESSION=" + form.session());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
        HttpResponse<String> page = gateway.send("GET", "/login?error",
                "Cookie", "YUQING_SESSION=" + form.session());
        assertThat(page.body()).contains("id=\"login-error\"", "用户名或密码错误");
    }

    @Test
    void a_login_post_without_the_csrf_token_is_refused() {
        LoginForm form = openLoginForm();

        HttpResponse<String> response = gateway.send("POST", "/login",
                form(Map.of("username", "demo", "password", "yuqing-demo")),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", "YUQING_SESSION=" + form.session());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(sessionCookie(response)).isEmpty();
    }

    @Test
    void me_tells_who_the_caller_is() {
        HttpResponse<String> response = gateway.send("GET", "/api/me", "Authorization", basic("demo", "yuqing-demo"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json(response);
        assertThat(me.get("login").asString()).isEqualTo("demo");
        assertThat(me.get("displayName").asString()).isEqualTo("演示用户");
        assertThat(me.get("units").values()).extracting(JsonNode::asString).containsExactly("district");
        assertThat(me.get("roles").values()).extracting(JsonNode::asString)
                .contains("MONITOR", "ANALYST", "LEADER", "PUBLISHER");
        assertThat(me.has("password")).isFalse();
        assertThat(me.has("passwordHash")).isFalse();
    }

    @Test
    void logout_ends_the_session() {
        String session = logIn("demo", "yuqing-demo");

        HttpResponse<String> logout = gateway.send("GET", "/logout", "Cookie", "YUQING_SESSION=" + session);
        HttpResponse<String> after = gateway.send("GET", "/", "Cookie", "YUQING_SESSION=" + session);

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?logout"));
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    private String logIn(String login, String password) {
        LoginForm form = openLoginForm();
        HttpResponse<String> response = gateway.send("POST", "/login",
                form(Map.of("username", login, "password", password, "_csrf", form.csrf())),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", "YUQING_SESSION=" + form.session());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).matches("(https?://[^/]+)?/"));
        return sessionCookie(response).orElseThrow(() -> new AssertionError("no YUQING_SESSION after login"));
    }

    private LoginForm openLoginForm() {
        HttpResponse<String> page = gateway.send("GET", "/login");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).as("csrf field in the login page").isTrue();
        String session = sessionCookie(page).orElseThrow(() -> new AssertionError("no session for the login form"));
        return new LoginForm(session, token.group(1));
    }

    private static Optional<String> sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("YUQING_SESSION="))
                .map(cookie -> cookie.substring("YUQING_SESSION=".length()).split(";", 2)[0])
                .findFirst();
    }

    private record LoginForm(String session, String csrf) {
    }
}
