package org.yuqing.grading;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.platform.stack.StackTestProperties;
import org.yuqing.security.SecurityProperties;
import org.yuqing.security.ServiceTokens;
import org.yuqing.security.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

/**
 * The grading service started once for all integration tests of this module, on the shared
 * PostgreSQL, trusting the test token issuer ({@link TestTokens}). Its "monitoring" subscription reads
 * the service's own feed with a service token, so a test can put a monitoring event into the outbox
 * and watch the real consumer grade it. Requests of the helpers carry a token of a user holding every
 * person role in unit {@value #UNIT} unless they say otherwise.
 */
@SpringBootTest(classes = {GradingApplication.class, GradingServiceTest.FeedToken.class},
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class GradingServiceTest {

    /** The unit the default test user belongs to. */
    protected static final String UNIT = "district";

    private static final int PORT = freePort();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry r) {
        StackTestProperties.postgres(r);
        TestTokens.shared().register(r);
        r.add("server.port", () -> PORT);
        r.add("yuqing.events.subscriptions.monitoring.uri", () -> "http://127.0.0.1:" + PORT + "/internal/events");
        r.add("yuqing.events.subscriptions.monitoring.poll-wait", () -> "PT1S");
    }

    /** The service's own feed token comes from the test issuer instead of the gateway's token endpoint. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FeedToken {

        @Bean
        ServiceTokens serviceTokens() {
            return new ServiceTokens(new SecurityProperties.Client("grading", null, null), "grading",
                    Clock.systemUTC()) {
                @Override
                public String authorization() {
                    return TestTokens.shared().service("grading");
                }
            };
        }
    }

    /** @return {@code Bearer …} of a user with every person role in {@code units} */
    protected static String user(String login, String... units) {
        return TestTokens.shared().user(login).units(units).bearer();
    }

    /** GET on this service as the default test user. */
    protected static HttpResponse<String> get(String path) {
        return call("GET", path, null, user("tester", UNIT));
    }

    /** GET on this service with the given {@code Authorization} value. */
    protected static HttpResponse<String> get(String path, String authorization) {
        return call("GET", path, null, authorization);
    }

    /** POST of a JSON body to this service as the default test user. */
    protected static HttpResponse<String> postJson(String path, String json) {
        return call("POST", path, json, user("tester", UNIT));
    }

    /** A request with a JSON body (any method, e.g. DELETE with a body) sent as {@code login} of unit {@value #UNIT}. */
    protected static HttpResponse<String> sendJson(String method, String path, String json, String login) {
        return call(method, path, json, user(login, UNIT));
    }

    /**
     * Any request to this service.
     *
     * @param json          a JSON body, or {@code null} for none
     * @param authorization the {@code Authorization} header, or {@code null} for none
     */
    protected static HttpResponse<String> call(String method, String path, String json, String authorization) {
        return call(method, path, json, "application/json", authorization);
    }

    /**
     * Any request to this service with a body of any type.
     *
     * @param body          the body, or {@code null} for none
     * @param contentType   the body's {@code Content-Type}, e.g. {@code application/yaml}
     * @param authorization the {@code Authorization} header, or {@code null} for none
     */
    protected static HttpResponse<String> call(String method, String path, String body, String contentType,
                                               String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + PORT + path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
