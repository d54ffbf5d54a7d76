package org.yuqing.ui.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access to the platform API through the gateway, as the user of the current browser request (the bearer token the
 * gateway relayed to the console is passed on). Every failure becomes a {@link GatewayCallException} whose reason,
 * and for a refused request the service's problem detail, the view can show.
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
     * A client of the gateway at {@code url} that sends the {@code Authorization} value {@code authorization}
     * supplies at call time.
     *
     * @param builder       a RestClient builder (timeouts and message converters come from it)
     * @param json          the JSON mapper for wrapped lists and problem details
     * @param url           the gateway's base URL
     * @param authorization the {@code Bearer …} value to send, empty for none
     * @return the client
     */
    static GatewayApi create(RestClient.Builder builder, JsonMapper json, URI url,
                             Supplier<Optional<String>> authorization) {
        RestClient http = builder.clone()
                .baseUrl(url.toString())
                .requestInterceptor(new BearerForwarding(authorization))
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
            throw refused(HttpMethod.GET, path, e);
        } catch (ResourceAccessException e) {
            throw failed(HttpMethod.GET, path, GatewayCallException.Reason.GATEWAY_UNREACHABLE, e);
        } catch (RestClientException | JacksonException e) {
            throw failed(HttpMethod.GET, path, GatewayCallException.Reason.UNEXPECTED_ANSWER, e);
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
        return getList(path, Map.of(), element);
    }

    /**
     * {@code GET path?query} of a list, as {@link #getList(String, Class)}.
     *
     * @param path    absolute API path
     * @param query   query parameters (values are URL-encoded here); may be empty
     * @param element the type of one element
     * @param <T>     the element type
     * @return the elements in the order received
     * @throws GatewayCallException when there is no usable answer
     */
    public <T> List<T> getList(String path, Map<String, ?> query, Class<T> element) {
        JsonNode answer = get(path, query, JsonNode.class);
        JsonNode array = answer.isArray() ? answer : firstArray(answer, "items", "content", "cases");
        if (array == null) {
            throw failed(HttpMethod.GET, path, GatewayCallException.Reason.UNEXPECTED_ANSWER, null);
        }
        try {
            List<T> elements = new ArrayList<>(array.size());
            for (JsonNode node : array) {
                elements.add(json.treeToValue(node, element));
            }
            return elements;
        } catch (JacksonException e) {
            throw failed(HttpMethod.GET, path, GatewayCallException.Reason.UNEXPECTED_ANSWER, e);
        }
    }

    /**
     * {@code POST} a JSON body; the answer's body, if any, is not read.
     *
     * @param path          API path template, e.g. {@code /api/identity/users/{login}/password}
     * @param body          the request body, written as JSON
     * @param pathVariables values of the template's variables, each encoded as one path segment
     * @throws GatewayCallException when the request is refused or fails
     */
    public void post(String path, Object body, Object... pathVariables) {
        send(HttpMethod.POST, path, body, pathVariables);
    }

    /**
     * {@code POST} a JSON body and read the JSON answer, e.g. the object the service created.
     *
     * @param path          API path template, e.g. {@code /api/publishing/statements}
     * @param body          the request body, written as JSON
     * @param type          the type of the answer
     * @param pathVariables values of the template's variables, each encoded as one path segment
     * @param <T>           the answer type
     * @return the answer, never {@code null}
     * @throws GatewayCallException when the request is refused or fails, or the answer is empty
     */
    public <T> T postFor(String path, Object body, Class<T> type, Object... pathVariables) {
        return exchange(HttpMethod.POST, path, type, pathVariables, request -> {
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
        });
    }

    /**
     * {@code POST} one file as {@code multipart/form-data} and read the JSON answer.
     *
     * @param path          API path template, e.g. {@code /api/casework/cases/{id}/attachments}
     * @param part          the form part's name, e.g. {@code file}
     * @param fileName      the file's name as the user chose it
     * @param contentType   its declared type, {@code null} or blank for {@code application/octet-stream}
     * @param content       the bytes
     * @param type          the type of the answer
     * @param pathVariables values of the template's variables, each encoded as one path segment
     * @param <T>           the answer type
     * @return the answer, never {@code null}
     * @throws GatewayCallException when the request is refused or fails, or the answer is empty
     */
    public <T> T postFile(String path, String part, String fileName, String contentType, byte[] content,
                          Class<T> type, Object... pathVariables) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part(part, content)
                .filename(fileName)
                .contentType(contentType == null || contentType.isBlank()
                        ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType));
        return exchange(HttpMethod.POST, path, type, pathVariables,
                request -> request.contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build()));
    }

    private <T> T exchange(HttpMethod method, String path, Class<T> type, Object[] pathVariables,
                           Consumer<RestClient.RequestBodySpec> body) {
        try {
            RestClient.RequestBodySpec request = http.method(method)
                    .uri(path, pathVariables)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            body.accept(request);
            T answer = request.retrieve().body(type);
            if (answer == null) {
                throw new GatewayCallException(GatewayCallException.Reason.UNEXPECTED_ANSWER,
                        "empty answer from " + method + " " + path, null);
            }
            return answer;
        } catch (RestClientResponseException e) {
            throw refused(method, path, e);
        } catch (ResourceAccessException e) {
            throw failed(method, path, GatewayCallException.Reason.GATEWAY_UNREACHABLE, e);
        } catch (RestClientException e) {
            throw failed(method, path, GatewayCallException.Reason.UNEXPECTED_ANSWER, e);
        }
    }

    /**
     * {@code PUT} a JSON body; the answer's body, if any, is not read.
     *
     * @param path          API path template, e.g. {@code /api/identity/units/{id}}
     * @param body          the request body, written as JSON
     * @param pathVariables values of the template's variables, each encoded as one path segment
     * @throws GatewayCallException when the request is refused or fails
     */
    public void put(String path, Object body, Object... pathVariables) {
        send(HttpMethod.PUT, path, body, pathVariables);
    }

    /**
     * {@code DELETE}; the answer's body, if any, is not read.
     *
     * @param path          API path template, e.g. {@code /api/identity/units/{id}}
     * @param pathVariables values of the template's variables, each encoded as one path segment
     * @throws GatewayCallException when the request is refused or fails
     */
    public void delete(String path, Object... pathVariables) {
        send(HttpMethod.DELETE, path, null, pathVariables);
    }

    private void send(HttpMethod method, String path, Object body, Object... pathVariables) {
        try {
            RestClient.RequestBodySpec request = http.method(method)
                    .uri(path, pathVariables)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            request.retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            throw refused(method, path, e);
        } catch (ResourceAccessException e) {
            throw failed(method, path, GatewayCallException.Reason.GATEWAY_UNREACHABLE, e);
        } catch (RestClientException e) {
            throw failed(method, path, GatewayCallException.Reason.UNEXPECTED_ANSWER, e);
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
            case 404 -> GatewayCallException.Reason.NOT_FOUND;
            case 409 -> GatewayCallException.Reason.CONFLICT;
            default -> status.is4xxClientError()
                    ? GatewayCallException.Reason.REJECTED
                    : GatewayCallException.Reason.SERVICE_UNAVAILABLE;
        };
    }

    private GatewayCallException refused(HttpMethod method, String path, RestClientResponseException e) {
        GatewayCallException.Reason reason = reasonFor(e.getStatusCode());
        // A refused request explains itself to the user; a failed login is better said by our own text.
        String detail = e.getStatusCode().is4xxClientError() && reason != GatewayCallException.Reason.NOT_LOGGED_IN
                ? problemDetail(e) : null;
        log.warn("{} {} through the gateway failed: {} ({})", method, path, reason, e.toString());
        return new GatewayCallException(reason, detail, method + " " + path + ": " + reason, e);
    }

    private String problemDetail(RestClientResponseException e) {
        String body = e.getResponseBodyAsString(StandardCharsets.UTF_8);
        if (body.isBlank()) {
            return null;
        }
        try {
            JsonNode detail = json.readTree(body).get("detail");
            return detail != null && detail.isString() ? detail.asString() : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static GatewayCallException failed(HttpMethod method, String path, GatewayCallException.Reason reason,
                                               Exception cause) {
        // The cause stays in the log for operators; the user sees only the reason's text.
        log.warn("{} {} through the gateway failed: {} ({})", method, path, reason,
                cause == null ? "no list in the answer" : cause.toString());
        return new GatewayCallException(reason, method + " " + path + ": " + reason, cause);
    }
}
