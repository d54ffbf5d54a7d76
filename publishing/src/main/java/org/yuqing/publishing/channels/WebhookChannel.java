package org.yuqing.publishing.channels;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yuqing.publishing.renditions.Master;
import org.yuqing.publishing.renditions.Renditions;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signed webhook for a CMS (网站群 / 第三方平台): POSTs the statement as JSON
 * {@code {id, title, body, kind, publishedAt, publicUrl, html, contentHash}} — {@code html} being the approved
 * {@code website} rendition the CMS shows, {@code contentHash} what the approvals bind — to every configured URL with
 * {@code X-Yuqing-Timestamp} (Unix seconds), {@code X-Yuqing-Signature: sha256=<hex HMAC-SHA256 of
 * "<timestamp>.<body>">} and {@code Idempotency-Key: <statement id>:webhook}. A 2xx from every
 * receiver is a delivery; anything else fails it, naming the receiver and its status.
 */
@Component
class WebhookChannel implements Channel {

    static final String NAME = "webhook";
    static final String TIMESTAMP_HEADER = "X-Yuqing-Timestamp";
    static final String SIGNATURE_HEADER = "X-Yuqing-Signature";
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);

    private final ChannelProperties.Webhook settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final Renditions renditions;

    WebhookChannel(ChannelProperties properties, JsonMapper json, Clock clock, Renditions renditions) {
        this.settings = properties.webhook();
        this.json = json;
        this.clock = clock;
        this.renditions = renditions;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return settings.active();
    }

    @Override
    public Delivery deliver(Publication p) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", p.statementId().toString());
        payload.put("title", p.title());
        payload.put("body", p.body());
        payload.put("kind", p.kind());
        payload.put("publishedAt", p.publishedAt().toString());
        payload.put("publicUrl", p.publicUrl());
        // what the CMS shows: the approved website rendition, not the master formatted by the receiver
        payload.put("html", renditions.of(new Master(p.statementId(), p.kindName(), p.title(), p.body(),
                p.publicUrl()), "website").orElseThrow().content());
        payload.put("contentHash", p.contentHash());
        String body = json.writeValueAsString(payload);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String signature = "sha256=" + sign(settings.secret(), timestamp, body);
        String key = p.statementId() + ":" + NAME;

        List<String> failures = new ArrayList<>();
        for (URI url : settings.urls()) {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header(TIMESTAMP_HEADER, timestamp)
                    .header(SIGNATURE_HEADER, signature)
                    .header(IDEMPOTENCY_HEADER, key)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status < 200 || status > 299) {
                    failures.add(url + " answered HTTP " + status);
                }
            } catch (IOException e) {
                failures.add(url + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(url + ": interrupted");
            }
        }
        if (failures.isEmpty()) {
            log.info("statement {} posted to {} webhook receivers", p.statementId(), settings.urls().size());
            return new Delivery(NAME, null, Delivery.Status.DELIVERED);
        }
        String error = String.join("; ", failures);
        log.warn("statement {} webhook failed: {}", p.statementId(), error);
        return Delivery.failed(NAME, error);
    }

    /**
     * Lower-case hex HMAC-SHA256 of {@code "<timestamp>.<body>"} (UTF-8) under the secret; what a
     * receiver recomputes to check {@code X-Yuqing-Signature}.
     */
    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
