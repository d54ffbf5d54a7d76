package org.yuqing.gateway.identity;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.gateway.CapturedLogs;
import org.yuqing.gateway.EchoBackend;
import org.yuqing.gateway.GatewayClient;
import org.yuqing.gateway.MutableClock;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.gateway.GatewayClient.basic;
import static org.yuqing.gateway.GatewayClient.form;
import static org.yuqing.gateway.GatewayClient.json;
import static org.yuqing.gateway.GatewayClient.relayedSubject;

@Import(MutableClock.Config.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginProtectionTest {

    private static final EchoBackend CONSOLE = EchoBackend.start("console");
    private static final EchoBackend SERVICES = EchoBackend.start("services");
    private static final String WRONG = "wrong-secret-4711";
    private static final String AUDIT = "yuqing.audit";

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
    LoginAttempts attempts;

    @Autowired
    ServletWebServerApplicationContext webServer;

    GatewayClient gateway;
    CapturedLogs logs;

    @BeforeEach
    void setUp() {
        gateway = new GatewayClient(port);
        attempts.clear();
        logs = CapturedLogs.of(AUDIT, "org.springframework.security", "org.springframework.web",
                "org.springframework.cloud.gateway", "org.yuqing");
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Test
    void five_failed_basic_logins_lock_the_account_and_then_even_the_right_password_gets_429() {
        for (int i = 0; i < 5; i++) {
            assertThat(api("demo", WRONG).statusCode()).isEqualTo(401);
        }
        int proxiedBefore = SERVICES.requests();

        HttpResponse<String> locked = api("demo", "yuqing-demo");

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(locked.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(json(locked).get("detail").asString()).contains("账户已临时锁定，请15分钟后再试");
        assertThat(SERVICES.requests()).as("nothing proxied for a locked account").isEqualTo(proxiedBefore);
        assertThat(logs.lines(AUDIT)).anySatisfy(line -> assertThat(line)
                .contains("action=\"LOCKOUT\"", "who=\"demo\"", "ip=\"127.0.0.1\""));
    }

    @Test
    void four_failures_do_not_lock_and_a_success_starts_the_count_again() {
        for (int i = 0; i < 4; i++) {
            assertThat(api("demo", WRONG).statusCode()).isEqualTo(401);
        }
        assertThat(api("demo", "yuqing-demo").statusCode()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(api("demo", WRONG).statusCode()).isEqualTo(401);
        }

        assertThat(api("demo", "yuqing-demo").statusCode()).isEqualTo(200);
    }

    @Test
    void failures_spread_over_more_than_fifteen_minutes_do_not_lock() {
        for (int i = 0; i < 4; i++) {
            assertThat(api("demo", WRONG).statusCode()).isEqualTo(401);
        }
        clock.advance(Duration.ofMinutes(16));

        assertThat(api("demo", WRONG).statusCode()).isEqualTo(401);
        assertThat(api("demo", "yuqing-demo").statusCode()).isEqualTo(200);
    }

    @Test
    void a_locked_account_is_released_after_fifteen_minutes() {
        for (int i = 0; i < 5; i++) {
            api("demo", WRONG);
        }

        clock.advance(Duration.ofMinutes(14));
        HttpResponse<String> stillLocked = api("demo", "yuqing-demo");
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> released = api("demo", "yuqing-demo");

        assertThat(stillLocked.statusCode()).isEqualTo(429);
        assertThat(stillLocked.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(relayedSubject(json(released))).isEqualTo("demo");
    }

    @Test
    void an_unknown_login_name_is_locked_like_a_real_one_so_answers_reveal_no_accounts() {
        for (int i = 0; i < 5; i++) {
            assertThat(api("nobody-here", WRONG).statusCode()).isEqualTo(401);
        }

        assertThat(api("nobody-here", WRONG).statusCode()).isEqualTo(429);
        assertThat(api("demo", "yuqing-demo").statusCode()).isEqualTo(200);
    }

    @Test
    void form_login_of_a_locked_account_shows_the_chinese_lock_message_even_with_the_right_password() {
        for (int i = 0; i < 4; i++) {
            assertThat(formLogin("demo", WRONG).headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login?error"));
        }
        HttpResponse<String> fifth = formLogin("demo", WRONG);
        HttpResponse<String> rightPassword = formLogin("demo", "yuqing-demo");
        HttpResponse<String> page = gateway.send("GET", "/login?locked");

        assertThat(fifth.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?locked"));
        assertThat(rightPassword.statusCode()).isEqualTo(302);
        assertThat(rightPassword.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?locked"));
        assertThat(sessionCookieAfterLogin(rightPassword)).isEmpty();
        assertThat(page.body()).contains("账户已临时锁定，请15分钟后再试");
        assertThat(api("demo", "yuqing-demo").statusCode()).as("form and Basic share the lock").isEqualTo(429);
    }

    @Test
    void more_than_twenty_failures_from_one_client_address_get_429_with_retry_after_whatever_the_login() {
        for (int i = 0; i < 20; i++) {
            assertThat(api("guess-" + i, WRONG).statusCode()).isEqualTo(401);
            clock.advance(Duration.ofSeconds(10));
        }

        HttpResponse<String> throttled = api("demo", "yuqing-demo");
        HttpResponse<String> throttledForm = formLogin("demo", "yuqing-demo");
        HttpResponse<String> throttledPage = gateway.send("GET", "/login?throttled");
        clock.advance(Duration.ofMinutes(15).minusSeconds(200));
        HttpResponse<String> afterOldestFailureLeftTheWindow = api("demo", "yuqing-demo");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue(Long.toString(15 * 60 - 200));
        assertThat(json(throttled).get("detail").asString()).contains("登录失败次数过多");
        assertThat(throttledForm.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?throttled"));
        assertThat(throttledPage.body()).contains("登录失败次数过多");
        assertThat(formLogin("demo", "yuqing-demo").headers().firstValue("Location"))
                .as("a form login from the throttled address, after the window").hasValueSatisfying(
                        location -> assertThat(location).matches("(https?://[^/]+)?/"));
        assertThat(afterOldestFailureLeftTheWindow.statusCode()).isEqualTo(200);
        assertThat(logs.lines(AUDIT)).anySatisfy(line -> assertThat(line)
                .contains("action=\"LOGIN_REFUSED\"", "outcome=\"CLIENT_THROTTLED\"", "ip=\"127.0.0.1\""));
    }

    @Test
    void a_console_session_ends_at_its_absolute_lifetime_however_active() {
        String session = sessionCookieAfterLogin(formLogin("demo", "yuqing-demo")).orElseThrow();

        clock.advance(Duration.ofHours(11).plusMinutes(59));
        HttpResponse<String> active = gateway.send("GET", "/cases", "Cookie", "YUQING_SESSION=" + session);
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> expired = gateway.send("GET", "/cases", "Cookie", "YUQING_SESSION=" + session);
        HttpResponse<String> afterwards = gateway.send("GET", "/api/me", "Cookie", "YUQING_SESSION=" + session);

        assertThat(active.statusCode()).isEqualTo(200);
        assertThat(relayedSubject(json(active))).isEqualTo("demo");
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(expired.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        assertThat(afterwards.statusCode()).isEqualTo(401);
        assertThat(logs.lines(AUDIT)).anySatisfy(line -> assertThat(line)
                .contains("action=\"SESSION_EXPIRED\"", "who=\"demo\""));
    }

    @Test
    void a_console_session_idles_out_after_thirty_minutes() throws Exception {
        String session = sessionCookieAfterLogin(formLogin("demo", "yuqing-demo")).orElseThrow();

        Tomcat tomcat = ((TomcatWebServer) webServer.getWebServer()).getTomcat();
        Context context = (Context) tomcat.getHost().findChildren()[0];
        Session tomcatSession = context.getManager().findSession(session);

        assertThat(tomcatSession).as("the login's session in the container").isNotNull();
        assertThat(tomcatSession.getMaxInactiveInterval()).isEqualTo((int) Duration.ofMinutes(30).toSeconds());
    }

    @Test
    void logins_logouts_and_denials_are_audited_with_who_what_when_where_and_outcome() {
        String now = "at=\"" + clock.instant() + "\"";
        api("demo", WRONG);
        String session = sessionCookieAfterLogin(formLogin("demo", "yuqing-demo")).orElseThrow();
        gateway.send("GET", "/logout", "Cookie", "YUQING_SESSION=" + session);
        gateway.send("POST", "/logout", "Cookie", "YUQING_SESSION=" + session);

        assertThat(logs.lines(AUDIT))
                .anySatisfy(line -> assertThat(line).contains("action=\"LOGIN_FAILURE\"", "outcome=\"FAILURE\"",
                        "who=\"demo\"", "ip=\"127.0.0.1\"", now, "detail=\"basic"))
                .anySatisfy(line -> assertThat(line).contains("action=\"DENIED\"", "outcome=\"401\"",
                        "who=\"demo\"", "path=\"/api/casework/cases\""))
                .anySatisfy(line -> assertThat(line).contains("action=\"LOGIN_SUCCESS\"", "who=\"demo\"",
                        "detail=\"form\""))
                .anySatisfy(line -> assertThat(line).contains("action=\"LOGOUT\"", "who=\"demo\""))
                .anySatisfy(line -> assertThat(line).contains("action=\"DENIED\"", "outcome=\"403\"",
                        "path=\"/logout\""));
    }

    @Test
    void a_failed_login_leaves_neither_the_password_nor_the_authorization_header_in_any_log_or_answer() {
        String header = basic("demo", WRONG);
        HttpResponse<String> basicFailure = gateway.send("GET", "/api/casework/cases", "Authorization", header);
        HttpResponse<String> formFailure = formLogin("demo", WRONG);

        assertThat(logs.lines(AUDIT)).isNotEmpty();
        String encoded = header.substring("Basic ".length());
        assertThat(logs.everything()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .doesNotContain(WRONG, encoded, new String(Base64.getDecoder().decode(encoded))));
        assertThat(basicFailure.body()).doesNotContain(WRONG, encoded);
        assertThat(formFailure.headers().map().toString()).doesNotContain(WRONG);
    }

    private HttpResponse<String> api(String login, String password) {
        return gateway.send("GET", "/api/casework/cases", "Authorization", basic(login, password));
    }

    private HttpResponse<String> formLogin(String login, String password) {
        HttpResponse<String> page = gateway.send("GET", "/login");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).as("csrf field in the login page").isTrue();
        String session = sessionCookieAfterLogin(page).orElseThrow();
        return gateway.send("POST", "/login",
                form(Map.of("username", login, "password", password, "_csrf", token.group(1))),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", "YUQING_SESSION=" + session);
    }

    private static Optional<String> sessionCookieAfterLogin(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("YUQING_SESSION="))
                .map(cookie -> cookie.substring("YUQING_SESSION=".length()).split(";", 2)[0])
                .findFirst();
    }
}
