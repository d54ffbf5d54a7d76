package org.yuqing.ui;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.security.TestTokens;

/**
 * The console on a random port, validating tokens of the shared test issuer, with no gateway behind it (views then
 * show their error state). Test classes extending it share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"yuqing.console.gateway.url=http://127.0.0.1:9", "vaadin.productionMode=true"})
public abstract class ConsoleHttpTestSupport {

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
    }

    @LocalServerPort
    protected int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * Calls the console directly (not through the gateway).
     *
     * @param method        HTTP method
     * @param path          path and query
     * @param authorization the {@code Authorization} value, {@code null} for none
     * @return the answer
     */
    protected HttpResponse<String> call(String method, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (!method.equals("GET")) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
