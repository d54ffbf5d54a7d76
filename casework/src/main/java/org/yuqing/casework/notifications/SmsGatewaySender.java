package org.yuqing.casework.notifications;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Text messages (短信) through an SMS gateway over HTTP, to this contract (the gateway vendor's adapter implements it):
 * <pre>
 * POST {yuqing.casework.notifications.sms.url}
 * Authorization: Bearer {api-key}
 * Idempotency-Key: {the delivery's idempotency key, a UUID}
 * Content-Type: application/json; charset=utf-8
 *
 * {"requestId":"{the same UUID}","to":"{mobile number}","sign":"{sender signature, e.g. 区委网信办}","text":"{the notice}"}
 * </pre>
 * Answers:
 * <ul>
 *   <li>2xx {@code {"requestId":"…","messageId":"…","status":"ACCEPTED"}} — accepted for sending. A {@code requestId}
 *       the gateway has seen before is not sent again: it answers 2xx with the first {@code messageId} and status
 *       {@code DUPLICATE} — so an attempt interrupted by a restart may safely be repeated;</li>
 *   <li>400, 401, 403, 404, 413, 422 {@code {"error":"…"}} — refused (bad number, credential, text): not retried;</li>
 *   <li>408, 429, 5xx, or no answer — retried with backoff.</li>
 * </ul>
 * The api key and the gateway address's query are never logged nor stored in the delivery log.
 */
@Component
class SmsGatewaySender implements ChannelSender {

    static final String CHANNEL = "SMS";

    private final NotificationProperties.Sms settings;
    private final HttpJson http;

    SmsGatewaySender(NotificationProperties properties, JsonMapper json) {
        this.settings = properties.sms();
        this.http = new HttpJson(json, properties.timeout());
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public boolean enabled() {
        return settings.url() != null;
    }

    @Override
    public boolean receiverDeduplicates() {
        return true;
    }

    @Override
    public Outcome send(Delivery d) {
        if (settings.url() == null) {
            return Outcome.giveUp("the SMS gateway is not configured (yuqing.casework.notifications.sms.url)");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("requestId", d.idempotencyKey().toString());
        payload.put("to", d.address());
        if (settings.sender() != null) {
            payload.put("sign", settings.sender());
        }
        payload.put("text", d.text());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", d.idempotencyKey().toString());
        if (settings.apiKey() != null) {
            headers.put("Authorization", "Bearer " + settings.apiKey());
        }
        String shown = shown(settings.url());
        try {
            HttpResponse<String> response = http.post(settings.url(), headers, payload);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return Outcome.SENT;
            }
            String error = shown + " answered HTTP " + status + gatewayError(response.body());
            return status == 408 || status == 429 || status >= 500 ? Outcome.retry(error) : Outcome.giveUp(error);
        } catch (IOException e) {
            return Outcome.retry(shown + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry(shown + ": interrupted");
        }
    }

    private String gatewayError(String body) {
        try {
            String error = http.json().readTree(body).path("error").asString("");
            return error.isEmpty() ? "" : ": " + (error.length() > 200 ? error.substring(0, 200) : error);
        } catch (JacksonException e) {
            return "";
        }
    }

    private static String shown(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}
