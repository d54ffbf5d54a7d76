package org.yuqing.ui.topics;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.yuqing.ui.gateway.GatewayApi;
import org.yuqing.ui.gateway.GatewayCallException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backfills (回溯) of the monitoring service: starting one and reading its progress, through the gateway as the
 * current user. Starting answers the job in the body of a 202, which {@link GatewayApi#post} does not read; until the
 * gateway client can return a POST's answer, the start is sent here with the same bearer token the gateway client
 * forwards (the {@code Authorization} of the Vaadin request being handled).
 */
@Component
class BackfillClient {

    private static final Logger log = LoggerFactory.getLogger(BackfillClient.class);

    private final GatewayApi api;
    private final RestClient http;
    private final JsonMapper json;

    BackfillClient(GatewayApi api, RestClient.Builder builder, JsonMapper json,
                   @Value("${yuqing.console.gateway.url:http://127.0.0.1:8080}") URI gateway) {
        this.api = api;
        this.http = builder.clone().baseUrl(gateway.toString()).build();
        this.json = json;
    }

    /**
     * Starts a backfill of the topic.
     *
     * @param topicId a topic the user may edit
     * @return the job, queued
     * @throws StartRefused when monitoring refuses it or cannot be reached
     */
    BackfillStatus start(String topicId) {
        String path = "/api/monitoring/topics/{id}/backfill";
        try {
            BackfillStatus job = http.post().uri(path, topicId)
                    .headers(headers -> bearer().ifPresent(value -> headers.set(HttpHeaders.AUTHORIZATION, value)))
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .retrieve().body(BackfillStatus.class);
            if (job == null || job.id() == null) {
                throw new StartRefused(null, "error.UNEXPECTED_ANSWER");
            }
            return job;
        } catch (RestClientResponseException e) {
            log.warn("POST {} through the gateway failed: {}", path, e.getStatusCode());
            return throwRefused(e);
        } catch (ResourceAccessException e) {
            log.warn("POST {} through the gateway failed: {}", path, e.toString());
            throw new StartRefused(null, "error.GATEWAY_UNREACHABLE");
        } catch (RestClientException e) {
            log.warn("POST {} through the gateway failed: {}", path, e.toString());
            throw new StartRefused(null, "error.UNEXPECTED_ANSWER");
        }
    }

    /**
     * The progress of a backfill.
     *
     * @param topicId its topic
     * @param jobId   the job
     * @return its progress now
     * @throws GatewayCallException when it cannot be read
     */
    BackfillStatus status(String topicId, String jobId) {
        return api.get("/api/monitoring/topics/" + topicId + "/backfills/" + jobId, Map.of(), BackfillStatus.class);
    }

    private BackfillStatus throwRefused(RestClientResponseException e) {
        int status = e.getStatusCode().value();
        String key = switch (status) {
            case 401 -> "error.NOT_LOGGED_IN";
            case 403 -> "error.FORBIDDEN";
            case 404 -> "error.NOT_FOUND";
            case 409 -> "error.CONFLICT";
            default -> status < 500 ? "error.REJECTED" : "error.SERVICE_UNAVAILABLE";
        };
        String detail = null;
        if (status >= 400 && status < 500 && status != 401) {
            try {
                JsonNode node = json.readTree(e.getResponseBodyAsString(StandardCharsets.UTF_8)).get("detail");
                detail = node != null && node.isString() ? node.asString() : null;
            } catch (JacksonException notJson) {
                detail = null;
            }
        }
        throw new StartRefused(detail, key);
    }

    private static Optional<String> bearer() {
        VaadinRequest request = VaadinService.getCurrentRequest();
        String value = request == null ? null : request.getHeader(HttpHeaders.AUTHORIZATION);
        return Optional.ofNullable(value).filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7));
    }

    /** A backfill that could not be started: monitoring's explanation, else the message key of the reason. */
    static final class StartRefused extends RuntimeException {

        private final String detail;
        private final String messageKey;

        StartRefused(String detail, String messageKey) {
            super(messageKey);
            this.detail = detail == null || detail.isBlank() ? null : detail.strip();
            this.messageKey = messageKey;
        }

        String userMessage(UnaryOperator<String> translate) {
            return detail != null ? detail : translate.apply(messageKey);
        }
    }
}
