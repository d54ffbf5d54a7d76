package org.yuqing.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.gateway.GatewayClient.basic;
import static org.yuqing.gateway.GatewayClient.form;
import static org.yuqing.gateway.GatewayClient.json;

/**
 * Drives everything that handles a secret (form and Basic login with good and bad passwords, the token endpoint with
 * good and bad secrets, a user's own token and its use, user creation, passwords set by an administrator and by the
 * user) with the application's and Spring's loggers at DEBUG, then looks for every password, client secret and
 * issued token in every captured log line and every error body.
 */
class NoSecretLeakTest extends ClockedGatewayTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String WRONG_PASSWORD = "wrong-pass-9c1e77";
    private static final String WRONG_SECRET = "wrong-secret-5e02aa";
    private static final String FIRST_PASSWORD = "first-pass-3b8d41";
    private static final String ADMIN_SET_PASSWORD = "admin-set-6f29c0";
    private static final String OWN_PASSWORD = "own-choice-8a71d3";
    private static final String TOO_SHORT = "sh0rt";

    CapturedLogs logs;
    final List<HttpResponse<String>> responses = new ArrayList<>();

    @BeforeEach
    void captureEverything() {
        logs = CapturedLogs.of("org.yuqing", "org.springframework.security", "yuqing.audit", "org.springframework.web",
                "org.springframework.cloud.gateway");
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Test
    void no_password_client_secret_or_issued_token_appears_in_any_log_line_or_error_body() {
        String unit = TestUsers.unique("leak");
        TestUsers.unit(db, unit, null);
        String admin = newUser("admin", List.of(unit), List.of("ADMIN", "MONITOR"));
        String login = TestUsers.unique("new");
        List<String> tokens = new ArrayList<>();

        // Logins, good and bad, by form and HTTP Basic.
        logIn(admin, TestUsers.PASSWORD);
        send("POST", "/login", form(Map.of("username", admin, "password", WRONG_PASSWORD)), "Content-Type", FORM);
        send("GET", "/api/casework/cases", "Authorization", basicOf(admin));
        send("GET", "/api/casework/cases", "Authorization", basic(admin, WRONG_PASSWORD));

        // The token endpoint, good and bad secrets, Basic and form.
        tokens.add(accessToken(send("POST", "/oauth2/token", form(Map.of("grant_type", "client_credentials")),
                "Content-Type", FORM, "Authorization", basic("test-service", SERVICE_SECRET))));
        tokens.add(accessToken(send("POST", "/oauth2/token", form(Map.of("grant_type", "client_credentials",
                "client_id", "test-crawler", "client_secret", CRAWLER_SECRET)), "Content-Type", FORM)));
        send("POST", "/oauth2/token", form(Map.of("grant_type", "client_credentials")), "Content-Type", FORM,
                "Authorization", basic("test-service", WRONG_SECRET));
        send("POST", "/oauth2/token", form(Map.of("grant_type", "client_credentials", "client_id", "test-crawler",
                "client_secret", WRONG_SECRET)), "Content-Type", FORM);

        // A user's own token, used on the gateway and relayed to a service.
        tokens.add(accessToken(send("POST", "/api/identity/token", "Authorization", basicOf(admin))));
        send("GET", "/api/identity/me", "Authorization", "Bearer " + tokens.getLast());
        send("POST", "/api/monitoring/posts", HttpRequest.BodyPublishers.ofString("{}"),
                "Content-Type", "application/json", "Authorization", "Bearer " + tokens.get(1));
        send("GET", "/api/identity/me", "Authorization", "Bearer " + tokens.getFirst() + "x");

        // User creation, refused and done; passwords set by the administrator and by the user.
        sendJson("POST", "/api/identity/users", newUser(login, unit, TOO_SHORT), basicOf(admin));
        assertThat(sendJson("POST", "/api/identity/users", newUser(login, unit, FIRST_PASSWORD), basicOf(admin))
                .statusCode()).isEqualTo(201);
        sendJson("POST", "/api/identity/users/" + login + "/password", "{\"newPassword\":\"" + TOO_SHORT + "\"}",
                basicOf(admin));
        assertThat(sendJson("POST", "/api/identity/users/" + login + "/password",
                "{\"newPassword\":\"" + ADMIN_SET_PASSWORD + "\"}", basicOf(admin)).statusCode()).isEqualTo(204);
        sendJson("POST", "/api/identity/me/password", "{\"currentPassword\":\"" + WRONG_PASSWORD
                + "\",\"newPassword\":\"" + OWN_PASSWORD + "\"}", basic(login, ADMIN_SET_PASSWORD));
        assertThat(sendJson("POST", "/api/identity/me/password", "{\"currentPassword\":\"" + ADMIN_SET_PASSWORD
                + "\",\"newPassword\":\"" + OWN_PASSWORD + "\"}", basic(login, ADMIN_SET_PASSWORD)).statusCode())
                .isEqualTo(204);
        logIn(login, OWN_PASSWORD);

        List<String> secrets = new ArrayList<>(List.of(TestUsers.PASSWORD, WRONG_PASSWORD, WRONG_SECRET,
                FIRST_PASSWORD, ADMIN_SET_PASSWORD, OWN_PASSWORD, TOO_SHORT, SERVICE_SECRET, CRAWLER_SECRET));
        for (String password : List.of(TestUsers.PASSWORD, WRONG_PASSWORD, ADMIN_SET_PASSWORD)) {
            secrets.add(basic(admin, password).substring("Basic ".length()));
            secrets.add(basic(login, password).substring("Basic ".length()));
        }
        secrets.add(basic("test-service", SERVICE_SECRET).substring("Basic ".length()));
        for (String token : tokens) {
            assertThat(token).isNotBlank();
            secrets.add(token);
            // Parts count too: a log line may cut a token short (Spring MVC logs bodies at DEBUG up to 100 chars).
            secrets.add(token.substring(0, 60));
            secrets.add(token.substring(token.indexOf('.') + 1, token.indexOf('.') + 41));
            secrets.add(token.substring(token.lastIndexOf('.') + 1));
        }
        assertThat(logs.everything()).as("DEBUG lines were captured").hasSizeGreaterThan(50);
        assertThat(logs.everything()).allSatisfy(line -> assertThat(line).doesNotContain(secrets));
        List<HttpResponse<String>> errors = responses.stream().filter(response -> response.statusCode() >= 400)
                .toList();
        assertThat(errors).as("bad passwords and secrets were answered").hasSizeGreaterThanOrEqualTo(7);
        assertThat(errors).allSatisfy(error -> {
            assertThat(error.body()).doesNotContain(secrets);
            assertThat(error.headers().map().toString()).doesNotContain(secrets);
        });
    }

    private HttpResponse<String> send(String method, String path, String... headers) {
        return send(method, path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body,
                                      String... headers) {
        HttpResponse<String> response = gateway.send(method, path, body, headers);
        responses.add(response);
        return response;
    }

    private HttpResponse<String> sendJson(String method, String path, String body, String authorization) {
        return send(method, path, HttpRequest.BodyPublishers.ofString(body), "Content-Type", "application/json",
                "Authorization", authorization);
    }

    private static String accessToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asString();
    }

    private static String newUser(String login, String unit, String password) {
        return "{\"login\":\"" + login + "\",\"name\":\"新用户\",\"password\":\"" + password + "\","
                + "\"units\":[\"" + unit + "\"],\"roles\":[\"ANALYST\"]}";
    }
}
