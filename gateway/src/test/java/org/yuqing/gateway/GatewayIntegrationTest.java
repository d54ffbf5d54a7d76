package org.yuqing.gateway;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.platform.stack.StackTestProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yuqing.gateway.GatewayClient.basic;
import static org.yuqing.gateway.GatewayClient.form;
import static org.yuqing.gateway.GatewayClient.json;

/**
 * The one gateway (one Spring context) shared by the token, relay, administration, audit and CSRF/CORS tests: the
 * console and all services routed to two echo backends, two OAuth2 clients configured, one extra CORS origin.
 * Tests own their data (unique logins and units from {@link TestUsers#unique(String)}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "yuqing.gateway.clients.test-service.secret={noop}" + GatewayIntegrationTest.SERVICE_SECRET,
    "yuqing.gateway.clients.test-service.roles=SERVICE",
    "yuqing.gateway.clients.test-crawler.secret=" + GatewayIntegrationTest.CRAWLER_SECRET_HASH,
    "yuqing.gateway.clients.test-crawler.roles=INGEST",
    "yuqing.gateway.cors.allowed-origins=" + GatewayIntegrationTest.LISTED_ORIGIN,
    "yuqing.gateway.protection.requests-per-second=1000",
    "yuqing.gateway.protection.burst=1000",
})
public abstract class GatewayIntegrationTest {

    /** The secret of client {@code test-service} (role SERVICE). */
    public static final String SERVICE_SECRET = "svc-secret-5f3a9c";

    /** The secret of client {@code test-crawler} (role INGEST), configured as a bcrypt hash. */
    public static final String CRAWLER_SECRET = "crawler-secret-77d1";

    /** bcrypt of {@link #CRAWLER_SECRET}. */
    public static final String CRAWLER_SECRET_HASH =
            "{bcrypt}$2a$10$kr71RDh4RUhFQ7bA7tg9JOyP9sa3pVwALChxvxSRiqV1mHLDPk4/e";

    /** The one origin besides the gateway's own that may call the API. */
    public static final String LISTED_ORIGIN = "https://screen.yuqing.test";

    /** The console behind the gateway. */
    protected static final EchoBackend CONSOLE = EchoBackend.start("console");

    /** Every service behind the gateway. */
    protected static final EchoBackend SERVICES = EchoBackend.start("services");

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EchoBackend.routeAll(registry, CONSOLE, SERVICES);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected DSLContext db;

    protected GatewayClient gateway;

    @BeforeEach
    void client() {
        gateway = new GatewayClient(port);
    }

    /**
     * A new enabled user with the password {@link TestUsers#PASSWORD}.
     *
     * @param prefix readable part of the login
     * @param units  their units
     * @param roles  their roles
     * @return the unique login
     */
    protected String newUser(String prefix, List<String> units, List<String> roles) {
        String login = TestUsers.unique(prefix);
        TestUsers.user(db, login, units, roles);
        return login;
    }

    /**
     * The HTTP Basic header of a test user.
     *
     * @param login a login with the password {@link TestUsers#PASSWORD}
     * @return the header value
     */
    protected static String basicOf(String login) {
        return basic(login, TestUsers.PASSWORD);
    }

    /**
     * Logs in with the form.
     *
     * @param login    login
     * @param password password
     * @return the session cookie's value
     */
    protected String logIn(String login, String password) {
        HttpResponse<String> page = gateway.send("GET", "/login");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).as("csrf field in the login page").isTrue();
        String formSession = cookie(page, "YUQING_SESSION").orElseThrow();
        HttpResponse<String> response = gateway.send("POST", "/login",
                form(Map.of("username", login, "password", password, "_csrf", token.group(1))),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", "YUQING_SESSION=" + formSession);
        assertThat(response.headers().firstValue("Location")).as("login of " + login).hasValueSatisfying(
                location -> assertThat(location).matches("(https?://[^/]+)?/"));
        return cookie(response, "YUQING_SESSION").orElseThrow();
    }

    /**
     * The user's own token from {@code POST /api/identity/token}.
     *
     * @param login a login with the password {@link TestUsers#PASSWORD}
     * @return the compact token
     */
    protected String userToken(String login) {
        HttpResponse<String> response = gateway.send("POST", "/api/identity/token", "Authorization", basicOf(login));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asString();
    }

    /**
     * A cookie a response sets.
     *
     * @param response the response
     * @param name     the cookie's name
     * @return its value
     */
    protected static Optional<String> cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(name + "="))
                .map(cookie -> cookie.substring(name.length() + 1).split(";", 2)[0])
                .findFirst();
    }
}
