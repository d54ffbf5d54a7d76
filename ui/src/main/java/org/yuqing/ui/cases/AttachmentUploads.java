package org.yuqing.ui.cases;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads a file to a case through the gateway ({@code POST /api/casework/cases/{id}/attachments}, multipart part
 * {@code file}) as the user whose upload request carries the bearer token. {@link org.yuqing.ui.gateway.GatewayApi}
 * sends JSON only, so this one multipart call has its own client to the same gateway URL; it passes on exactly the
 * {@code Authorization} of the upload request, nothing else of it.
 */
@Component
class AttachmentUploads {

    private static final Logger log = LoggerFactory.getLogger(AttachmentUploads.class);

    private final RestClient http;
    private final JsonMapper json;

    AttachmentUploads(RestClient.Builder builder, JsonMapper json,
                      @Value("${yuqing.console.gateway.url:http://127.0.0.1:8080}") URI gateway) {
        this.http = builder.clone().baseUrl(gateway.toString()).build();
        this.json = json;
    }

    /**
     * Sends the file.
     *
     * @param caseId        the case (a UUID)
     * @param fileName      the name as uploaded
     * @param contentType   its declared type, {@code null} for none
     * @param content       the bytes
     * @param authorization the upload request's {@code Authorization} value, {@code null} for none
     * @return the attachment as the service recorded it, with its SHA-256
     * @throws Refused when the gateway or the service refuses or fails
     */
    CaseDetail.Attachment upload(String caseId, String fileName, String contentType, byte[] content,
                                 String authorization) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", content)
                .filename(fileName)
                .contentType(contentType == null || contentType.isBlank()
                        ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType));
        try {
            RestClient.RequestBodySpec request = http.post()
                    .uri("/api/casework/cases/{id}/attachments", CaseClient.segment(caseId))
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .contentType(MediaType.MULTIPART_FORM_DATA);
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            CaseDetail.Attachment stored = request.body(parts.build()).retrieve().body(CaseDetail.Attachment.class);
            if (stored == null) {
                throw new Refused(null, "error.UNEXPECTED_ANSWER");
            }
            return stored;
        } catch (RestClientResponseException e) {
            log.warn("uploading to case {} failed: {}", caseId, e.toString());
            String key = switch (e.getStatusCode().value()) {
                case 401 -> "error.NOT_LOGGED_IN";
                case 403 -> "error.FORBIDDEN";
                case 404 -> "error.NOT_FOUND";
                case 409 -> "error.CONFLICT";
                default -> e.getStatusCode().is4xxClientError() ? "error.REJECTED" : "error.SERVICE_UNAVAILABLE";
            };
            return failWith(e.getStatusCode().is4xxClientError() && e.getStatusCode().value() != 401
                    ? detail(e) : null, key);
        } catch (ResourceAccessException e) {
            log.warn("uploading to case {} failed: {}", caseId, e.toString());
            return failWith(null, "error.GATEWAY_UNREACHABLE");
        } catch (RestClientException e) {
            log.warn("uploading to case {} failed: {}", caseId, e.toString());
            return failWith(null, "error.UNEXPECTED_ANSWER");
        }
    }

    private static CaseDetail.Attachment failWith(String detail, String key) {
        throw new Refused(detail, key);
    }

    private String detail(RestClientResponseException e) {
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

    /** A refused or failed upload: the service's explanation when it gave one, else a message key. */
    static final class Refused extends RuntimeException {

        private final String detail;
        private final String messageKey;

        Refused(String detail, String messageKey) {
            super(messageKey);
            this.detail = detail == null || detail.isBlank() ? null : detail.strip();
            this.messageKey = messageKey;
        }

        /** The text to show: the service's detail, else the translated reason. */
        String userMessage(UnaryOperator<String> translate) {
            return Optional.ofNullable(detail).orElseGet(() -> translate.apply(messageKey));
        }
    }
}
