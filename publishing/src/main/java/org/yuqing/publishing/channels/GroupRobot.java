package org.yuqing.publishing.channels;

import org.yuqing.publishing.renditions.Master;
import org.yuqing.publishing.renditions.Rendition;
import org.yuqing.publishing.renditions.Renditions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What the WeCom and DingTalk group robots share: the approved {@code robot} markdown rendition of a statement and
 * one JSON POST whose answer is HTTP 200 with {@code {"errcode":0,"errmsg":"ok"}} on success. The robot's address
 * carries its credential (key / access token) in the query, so errors name only the address without query.
 */
final class GroupRobot {

    private final HttpClient http;
    private final JsonMapper json;
    private final Renditions renditions;

    GroupRobot(JsonMapper json, Renditions renditions, Duration connectTimeout) {
        this.json = json;
        this.renditions = renditions;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The markdown rendition of the publication: the text approvers saw for the robots. */
    Rendition markdown(Publication p) {
        Master master = new Master(p.statementId(), p.kindName(), p.title(), p.body(), p.publicUrl());
        return renditions.of(master, "robot").orElseThrow();
    }

    String json(Object payload) {
        return json.writeValueAsString(payload);
    }

    /**
     * Posts the JSON and reads the robot's answer.
     *
     * @param channel the channel's name
     * @param target  the full address, credential included (never put in an error or a log)
     * @param shown   the address as errors may name it (without query)
     * @return DELIVERED on HTTP 2xx with errcode 0, otherwise FAILED with the status or errcode and errmsg
     */
    Delivery post(String channel, URI target, URI shown, String body, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() < 200 || response.statusCode() > 299) {
                return Delivery.failed(channel, shown + " answered HTTP " + response.statusCode());
            }
            JsonNode answer = json.readTree(response.body());
            int errcode = answer.path("errcode").asInt(-1);
            if (errcode != 0) {
                return Delivery.failed(channel, shown + " answered errcode " + answer.path("errcode").asString("none")
                        + ": " + answer.path("errmsg").asString(""));
            }
            return new Delivery(channel, null, Delivery.Status.DELIVERED);
        } catch (JacksonException e) {
            return Delivery.failed(channel, shown + " answered something other than JSON");
        } catch (IOException e) {
            // the exception's message may quote the address with its credential
            return Delivery.failed(channel, shown + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.failed(channel, shown + ": interrupted");
        }
    }

    /** The address with one more query parameter (name and value URL-encoded). */
    static URI withQuery(URI base, String name, String value) {
        String separator = base.getRawQuery() == null ? "?" : "&";
        return URI.create(base + separator + encode(name) + "=" + encode(value));
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The address without query and fragment: what logs and errors may show. */
    static URI shown(URI url) {
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath()));
    }
}
