package org.yuqing.publishing.channels;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The official account's HTTP API as the channel uses it: the access token from {@code POST /cgi-bin/stable_token}
 * (AppID and AppSecret in the JSON body), cached until shortly before it expires and fetched again (forced) when a
 * call answers errcode 40001, 40014 or 42001, after which the call is repeated once. Errors are
 * {@code {"errcode":…,"errmsg":"…"}}. Neither the secret nor a token ever appears in an error this class raises.
 */
final class WeChatApi {

    /** Token errors: invalid credential (40001), invalid access token (40014), access token expired (42001). */
    static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 40014, 42001);

    private final ChannelProperties.WeChat settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private String token;
    private Instant tokenExpiresAt = Instant.MIN;

    WeChatApi(ChannelProperties.WeChat settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** An error the API answered, or a failed call; its message holds neither secret nor token. */
    static final class Failure extends Exception {

        private final int errcode;

        Failure(int errcode, String message) {
            super(message);
            this.errcode = errcode;
        }

        /** WeChat's errcode, -1 when the call itself failed. */
        int errcode() {
            return errcode;
        }
    }

    /**
     * Calls {@code POST <base><path>?access_token=…} with the JSON body; on a token error fetches a new token and
     * calls once more.
     *
     * @return the answer, its errcode 0 or absent
     */
    JsonNode call(String path, Map<String, ?> body) throws Failure {
        try {
            return callWith(token(false), path, body);
        } catch (Failure f) {
            if (!TOKEN_ERRORS.contains(f.errcode())) {
                throw f;
            }
            return callWith(token(true), path, body);
        }
    }

    private JsonNode callWith(String accessToken, String path, Map<String, ?> body) throws Failure {
        URI target = URI.create(settings.baseUrl() + path + "?access_token="
                + GroupRobot.encode(accessToken));
        return post(target, path, body);
    }

    /** The cached token, or a new one when it is (about to be) expired or {@code refresh} is set. */
    synchronized String token(boolean refresh) throws Failure {
        Instant now = clock.instant();
        if (!refresh && token != null && now.isBefore(tokenExpiresAt)) {
            return token;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grant_type", "client_credential");
        body.put("appid", settings.appId());
        body.put("secret", settings.appSecret());
        body.put("force_refresh", refresh);
        JsonNode answer = post(URI.create(settings.baseUrl() + "/cgi-bin/stable_token"), "/cgi-bin/stable_token",
                body);
        String fresh = answer.path("access_token").asString("");
        long expiresIn = answer.path("expires_in").asLong(0);
        if (fresh.isEmpty() || expiresIn <= 0) {
            throw new Failure(-1, "/cgi-bin/stable_token answered without access_token");
        }
        token = fresh;
        // renewed a little early: a token must not expire between this check and WeChat's
        tokenExpiresAt = now.plusSeconds(expiresIn - Math.min(300, expiresIn / 2));
        return token;
    }

    /** Forgets the cached token (tests: the next call fetches one). */
    synchronized void forgetToken() {
        token = null;
        tokenExpiresAt = Instant.MIN;
    }

    private JsonNode post(URI target, String shown, Map<String, ?> body) throws Failure {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Failure(-1, shown + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(-1, shown + ": interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new Failure(-1, shown + " answered HTTP " + response.statusCode());
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (JacksonException e) {
            throw new Failure(-1, shown + " answered something other than JSON");
        }
        int errcode = answer.path("errcode").asInt(0);
        if (errcode != 0) {
            throw new Failure(errcode, shown + " errcode " + errcode + ": " + answer.path("errmsg").asString(""));
        }
        return answer;
    }
}
