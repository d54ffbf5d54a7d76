package org.yuqing.events;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Reads an upstream service's feed over HTTP ({@code GET <uri>?after=&limit=&waitMillis=}).
 */
public final class HttpEventSource implements EventSource {

    private final URI uri;
    private final RestClient client;
    private final JsonMapper json;
    private final Supplier<String> authorization;

    /**
     * @param uri           the feed URL
     * @param json          the JSON mapper
     * @param authorization value of the {@code Authorization} header for each request, or a
     *                      supplier of {@code null} to send none
     */
    public HttpEventSource(URI uri, JsonMapper json, Supplier<String> authorization) {
        this.uri = uri;
        this.json = json;
        this.authorization = authorization;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(Duration.ofSeconds(90));
        this.client = RestClient.builder().requestFactory(factory).build();
    }

    @Override
    public List<FeedEvent> poll(long position, int limit, Duration wait) {
        URI request = URI.create(uri + "?after=" + position + "&limit=" + limit + "&waitMillis=" + wait.toMillis());
        String body;
        try {
            body = client.get().uri(request)
                    .headers(h -> {
                        String value = authorization.get();
                        if (value != null) {
                            h.set("Authorization", value);
                        }
                    })
                    .retrieve().body(String.class);
        } catch (RestClientException e) {
            throw new EventSourceUnavailableException("feed " + uri + " cannot be read: " + e.getMessage(), e);
        }
        JsonNode page = json.readTree(body == null ? "{}" : body);
        List<FeedEvent> events = new ArrayList<>();
        for (JsonNode e : page.path("events")) {
            events.add(new FeedEvent(
                    e.path("position").asLong(),
                    UUID.fromString(e.path("eventId").asString()),
                    e.path("type").asString(),
                    e.path("aggregateId").asString(),
                    json.writeValueAsString(e.path("payload")),
                    Instant.parse(e.path("occurredAt").asString())));
        }
        return events;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
