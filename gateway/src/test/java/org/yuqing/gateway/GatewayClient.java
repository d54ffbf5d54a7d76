package org.yuqing.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for gateway tests: never follows redirects and keeps no cookies, so every test says exactly
 * what it sends.
 */
public final class GatewayClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    /**
     * A client of the gateway on a local port.
     *
     * @param port the gateway's port
     */
    public GatewayClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /**
     * Sends a request.
     *
     * @param method  HTTP method
     * @param path    path and query
     * @param headers headers to send, name then value
     * @return the response with its body as text
     */
    public HttpResponse<String> send(String method, String path, String... headers) {
        return send(method, path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    /**
     * Sends a request with a body.
     *
     * @param method  HTTP method
     * @param path    path and query
     * @param body    the body
     * @param headers headers to send, name then value
     * @return the response with its body as text
     */
    public HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An {@code Authorization: Basic} value.
     *
     * @param login    login
     * @param password clear-text password
     * @return the header value
     */
    public static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A form body, URL-encoded.
     *
     * @param fields field names and values
     * @return the body publisher
     */
    public static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }

    /**
     * The claims of the token the gateway relayed to an {@link EchoBackend} (not verified here: the token tests do
     * that against the published keys).
     *
     * @param echo the backend's echo
     * @return the claims of its single {@code Authorization: Bearer} header
     */
    public static com.nimbusds.jwt.JWTClaimsSet relayedClaims(JsonNode echo) {
        JsonNode authorization = echo.get("authorization");
        if (authorization == null || !authorization.isArray() || authorization.size() != 1) {
            throw new AssertionError("expected exactly one Authorization header, got " + authorization);
        }
        String value = authorization.get(0).asString();
        if (!value.startsWith("Bearer ")) {
            throw new AssertionError("expected a bearer token, got " + value.split(" ", 2)[0]);
        }
        try {
            return com.nimbusds.jwt.SignedJWT.parse(value.substring("Bearer ".length())).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new AssertionError("not a JWT", e);
        }
    }

    /**
     * The subject of the token relayed to an {@link EchoBackend}.
     *
     * @param echo the backend's echo
     * @return the {@code sub}
     */
    public static String relayedSubject(JsonNode echo) {
        return relayedClaims(echo).getSubject();
    }

    /**
     * Parses a JSON body.
     *
     * @param response a response
     * @return its body as a JSON tree
     */
    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
