package org.yuqing.casework.notifications;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** One JSON POST for the HTTP channels, never following redirects (a redirect could carry a credential elsewhere). */
final class HttpJson {

    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;

    HttpJson(JsonMapper json, Duration timeout) {
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    JsonMapper json() {
        return json;
    }

    /**
     * Posts {@code payload} as JSON.
     *
     * @param headers further request headers (may hold a credential: never echoed)
     * @throws IOException when no answer came; its message may quote the address, so callers do not show it
     */
    HttpResponse<String> post(URI target, Map<String, String> headers, Object payload) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
