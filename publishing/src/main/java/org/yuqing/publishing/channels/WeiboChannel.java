package org.yuqing.publishing.channels;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yuqing.publishing.renditions.Master;
import org.yuqing.publishing.renditions.Rendition;
import org.yuqing.publishing.renditions.Renditions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * 政务微博 through Weibo's open API, {@code POST https://api.weibo.com/2/statuses/share.json} with the form fields
 * {@code access_token}, {@code status} (the approved {@code microblog} rendition: at most 140 characters as Weibo
 * counts them, ending with the statement's public link, which must be on the app's safe domain — the public base
 * URL's host) and {@code rip} (the office's IP Weibo requires). Weibo answers the posted status as JSON (its
 * {@code idstr} makes the release's URL) or {@code {"error_code":…,"error":"…"}}.
 *
 * <p>Weibo takes no idempotency key, but refuses the same text twice in a short time (error 20019 "repeat
 * content"): an attempt meeting 20019 after an earlier attempt whose answer was lost records the release as
 * delivered instead of posting again. The access token is never logged nor put in an error.
 */
@Component
class WeiboChannel implements Channel {

    static final String NAME = "weibo";
    /** Weibo's "Repeat content!": the same status was posted a moment ago. */
    static final int REPEAT_CONTENT = 20019;

    private static final Logger log = LoggerFactory.getLogger(WeiboChannel.class);

    private final ChannelProperties.Weibo settings;
    private final Renditions renditions;
    private final JsonMapper json;
    private final HttpClient http;

    WeiboChannel(ChannelProperties properties, Renditions renditions, JsonMapper json) {
        this.settings = properties.weibo();
        this.renditions = renditions;
        this.json = json;
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
        Rendition post = renditions.of(new Master(p.statementId(), p.kindName(), p.title(), p.body(), p.publicUrl()),
                "microblog").orElseThrow();
        String form = "access_token=" + GroupRobot.encode(settings.accessToken())
                + "&status=" + GroupRobot.encode(post.content())
                + "&rip=" + GroupRobot.encode(settings.rip());
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode answer = json.readTree(response.body());
            if (answer.has("error_code")) {
                int code = answer.path("error_code").asInt(-1);
                if (code == REPEAT_CONTENT) {
                    log.info("statement {}: Weibo already has this post (20019), recorded as delivered",
                            p.statementId());
                    return new Delivery(NAME, null, Delivery.Status.DELIVERED);
                }
                return fail(p, "Weibo error_code " + code + ": " + answer.path("error").asString(""));
            }
            String id = answer.path("idstr").asString("");
            if (response.statusCode() / 100 != 2 || id.isEmpty()) {
                return fail(p, settings.url() + " answered HTTP " + response.statusCode() + " without a status id");
            }
            log.info("statement {} posted to Weibo as status {}", p.statementId(), id);
            return new Delivery(NAME, settings.postUrl() + id, Delivery.Status.DELIVERED);
        } catch (JacksonException e) {
            return fail(p, settings.url() + " answered something other than JSON");
        } catch (IOException e) {
            // the message of a connection error names the address only, never the form with the token
            return fail(p, settings.url() + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(p, settings.url() + ": interrupted");
        }
    }

    private static Delivery fail(Publication p, String error) {
        log.warn("statement {} Weibo post failed: {}", p.statementId(), error);
        return Delivery.failed(NAME, error);
    }
}
