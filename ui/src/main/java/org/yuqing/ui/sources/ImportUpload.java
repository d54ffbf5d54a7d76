package org.yuqing.ui.sources;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a file to {@code POST /api/monitoring/imports} (multipart {@code file}) through the gateway as the user who
 * uploaded it, and returns monitoring's answer (the import, queued). The console's gateway client sends JSON bodies
 * only and does not read a POST's answer, so this one call is made here, with the bearer token of the upload request
 * itself (the gateway relays it on every request of a logged-in user).
 */
@Component
class ImportUpload {

    /** The largest file monitoring takes by default (its {@code YUQING_MONITORING_IMPORT_MAX_SIZE}). */
    static final long MAX_BYTES = 100L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ImportUpload.class);
    private static final String PATH = "/api/monitoring/imports";

    private final RestClient http;
    private final JsonMapper json;

    ImportUpload(RestClient.Builder builder, JsonMapper json,
                 @Value("${yuqing.console.gateway.url:http://127.0.0.1:8080}") URI gateway) {
        this.http = builder.clone().baseUrl(gateway.toString()).build();
        this.json = json;
    }

    /**
     * Starts an import.
     *
     * @param fileName      the file's name (its ending tells monitoring JSONL from CSV)
     * @param content       the file
     * @param authorization the {@code Bearer …} value of the upload request, empty for none
     * @return the import, queued
     * @throws Refused when monitoring refuses the file or cannot be reached
     */
    ImportProgress upload(String fileName, byte[] content, Optional<String> authorization) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        try {
            ImportProgress started = http.post().uri(PATH)
                    .headers(headers -> authorization.ifPresent(v -> headers.set(HttpHeaders.AUTHORIZATION, v)))
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .body(parts)
                    .retrieve().body(ImportProgress.class);
            if (started == null || started.id() == null) {
                throw new Refused(null, "error.UNEXPECTED_ANSWER");
            }
            return started;
        } catch (RestClientResponseException e) {
            log.warn("POST {} through the gateway failed: {}", PATH, e.getStatusCode());
            throw refused(e);
        } catch (ResourceAccessException e) {
            log.warn("POST {} through the gateway failed: {}", PATH, e.toString());
            throw new Refused(null, "error.GATEWAY_UNREACHABLE");
        } catch (RestClientException e) {
            log.warn("POST {} through the gateway failed: {}", PATH, e.toString());
            throw new Refused(null, "error.UNEXPECTED_ANSWER");
        }
    }

    private Refused refused(RestClientResponseException e) {
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
        return new Refused(detail, key);
    }

    /** A file monitoring did not take: its explanation (e.g. an unusable CSV header), else the reason's key. */
    static final class Refused extends RuntimeException {

        private final String detail;
        private final String messageKey;

        Refused(String detail, String messageKey) {
            super(messageKey);
            this.detail = detail == null || detail.isBlank() ? null : detail.strip();
            this.messageKey = messageKey;
        }

        String userMessage(UnaryOperator<String> translate) {
            return detail != null ? detail : translate.apply(messageKey);
        }
    }
}
