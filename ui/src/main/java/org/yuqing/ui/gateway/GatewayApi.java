package org.yuqing.ui.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read access to the platform API through the gateway, as the user of the current browser request. Every failure
 * becomes a {@link GatewayCallException} whose reason the view can show.
 */
public class GatewayApi {

    private static final Logger log = LoggerFactory.getLogger(GatewayApi.class);

    private final RestClient http;
    private final JsonMapper json;

    GatewayApi(RestClient http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    /**
     * A client of the gateway at {@code url} that forwards the session cookie {@code cookieName} with the value
     * {@code sessionId} supplies at call time.
     *
     * @param builder    a RestClient builder (timeouts and message converters come from it)
     * @param json       the JSON mapper for wrapped lists
     * @param url        the gateway's base URL
     * @param cookieName the gateway's session cookie name
     * @param sessionId  the session id to send, empty for none
     * @return the client
     */
    static GatewayApi create(RestClient.Builder builder, JsonMapper json, URI url, String cookieName,
                             Supplier<Optional<String>> sessionId) {
        RestClient http = builder
                .baseUrl(url.toString())
                .requestInterceptor(new SessionCookieForwarding(cookieName, sessionId))
                .build();
        return new GatewayApi(http, json);
    }

    /**
     * {@code GET path?query} and read the JSON answer.
     *
     * @param path  absolute API path, e.g. {@code /api/monitoring/posts/search}
     * @param query query parameters (values are URL-encoded here); may be empty
     * @param type  the type of the answer
     * @param <T>   the answer type
     * @return the answer, never {@code null}
     * @throws GatewayCallException when there is no usable answer
     */
    public <T> T get(String path, Map<String, ?> query, Class<T> type) {
        try {
            T answer = http.get()
                    .uri(uri -> withQuery(uri.path(path), query))
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(type);
            if (answer == null) {
                throw new GatewayCallException(GatewayCallException.Reason.UNEXPECTED_ANSWER,
                        "empty answer from " + path, null);
            }
            return answer;
        } catch (RestClientResponseException e) {
            throw failed(path, reasonFor(e.getStatusCode()), e);
        } catch (ResourceAccessException e) {
            throw failed(path, GatewayCallException.Reason.GATEWAY_UNREACHABLE, e);
        } catch (RestClientException | JacksonException e) {
            throw failed(path, GatewayCallException.Reason.UNEXPECTED_ANSWER, e);
        }
    }

    /**
     * {@code GET path} of a list, answered either as a JSON array or as an object holding the array under
     * {@code items}, {@code content} or {@code cases}.
     *
     * @param path    absolute API path
     * @param element the type of one element
     * @param <T>     the element type
     * @return the elements in the order received
     * @throws GatewayCallException when there is no usable answer
     */
    public <T> List<T> getList(String path, Class<T> element) {
        JsonNode answer = get(path, Map.of(), JsonNode.class);
        JsonNode array = answer.isArray() ? answer : firstArray(answer, "items", "content", "cases");
        if (array == null) {
            throw failed(path, GatewayCallException.Reason.UNEXPECTED_ANSWER, null);
        }
        try {
            List<T> elements = new ArrayList<>(array.size());
            for (JsonNode node : array) {
                elements.add(json.treeToValue(node, element));
            }
            return elements;
        } catch (JacksonException e) {
            throw failed(path, GatewayCallException.Reason.UNEXPECTED_ANSWER, e);
        }
    }

    private static JsonNode firstArray(JsonNode object, String... names) {
        for (String name : names) {
            JsonNode candidate = object.get(name);
            if (candidate != null && candidate.isArray()) {
                return candidate;
            }
        }
        return null;
    }

    private static URI withQuery(UriBuilder uri, Map<String, ?> query) {
        query.forEach((name, value) -> uri.queryParam(name, "{" + name + "}"));
        return uri.build(query);
    }

    private static GatewayCallException.Reason reasonFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> GatewayCallException.Reason.NOT_LOGGED_IN;
            case 403 -> GatewayCallException.Reason.FORBIDDEN;
            default -> status.is4xxClientError()
                    ? GatewayCallException.Reason.REJECTED
                    : GatewayCallException.Reason.SERVICE_UNAVAILABLE;
        };
    }

    private static GatewayCallException failed(String path, GatewayCallException.Reason reason, Exception cause) {
        // The cause stays in the log for operators; the user sees only the reason's text.
        log.warn("GET {} through the gateway failed: {} ({})", path, reason,
                cause == null ? "no list in the answer" : cause.toString());
        return new GatewayCallException(reason, "GET " + path + ": " + reason, cause);
    }
}
