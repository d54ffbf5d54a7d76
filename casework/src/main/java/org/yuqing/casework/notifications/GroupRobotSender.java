package org.yuqing.casework.notifications;

import org.yuqing.casework.contacts.ContactDirectory;
import org.yuqing.casework.contacts.UnitRobot;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the WeCom and DingTalk group robots share: a {@code text} message POSTed as JSON to the robot's webhook, which
 * answers HTTP 200 with {@code {"errcode":0,"errmsg":"ok"}} on success. The robot (its address and secret) is read
 * from the contact directory at sending time, so a changed address applies to deliveries still to come. Throttling
 * and busy answers are retried; any other errcode is a refusal. Robots know no idempotency key.
 */
abstract class GroupRobotSender implements ChannelSender {

    // -1 system busy (both); 45009 WeCom frequency limit; 130101 DingTalk "send too fast".
    private static final Set<Integer> TRANSIENT = Set.of(-1, 45009, 130101);

    private final ContactDirectory directory;
    private final HttpJson http;

    GroupRobotSender(ContactDirectory directory, HttpJson http) {
        this.directory = directory;
        this.http = http;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    /** The JSON body for the notice's text. */
    abstract Map<String, Object> payload(String text);

    /** The address to post to: the webhook, plus whatever the robot's protocol adds (DingTalk's signature). */
    abstract URI target(UnitRobot robot);

    @Override
    public Outcome send(Delivery d) {
        Optional<UnitRobot> found = directory.robot(d.unitId(), d.recipient());
        if (found.isEmpty() || !found.get().kind().equals(channel())) {
            return Outcome.giveUp("robot " + d.recipient() + " of unit " + d.unitId() + " is no longer in the directory");
        }
        UnitRobot robot = found.get();
        String shown = robot.shownAddress();
        try {
            HttpResponse<String> response = http.post(target(robot), Map.of(), payload(d.text()));
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                String error = shown + " answered HTTP " + status;
                return status == 429 || status >= 500 ? Outcome.retry(error) : Outcome.giveUp(error);
            }
            JsonNode answer = http.json().readTree(response.body());
            int errcode = answer.path("errcode").asInt(Integer.MIN_VALUE);
            if (errcode == 0) {
                return Outcome.SENT;
            }
            String error = shown + " answered errcode " + (errcode == Integer.MIN_VALUE ? "none" : errcode) + ": "
                    + answer.path("errmsg").asString("");
            return TRANSIENT.contains(errcode) ? Outcome.retry(error) : Outcome.giveUp(error);
        } catch (JacksonException e) {
            return Outcome.retry(shown + " answered something other than JSON");
        } catch (IOException e) {
            // The exception's message may quote the address with its credential.
            return Outcome.retry(shown + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry(shown + ": interrupted");
        }
    }

    /** The address with one more query parameter, name and value URL-encoded. */
    static URI withQuery(URI base, String name, String value) {
        String separator = base.getRawQuery() == null ? "?" : "&";
        return URI.create(base + separator + URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** {@code text} cut to at most {@code maxBytes} bytes of UTF-8, on a character boundary, marked with an ellipsis. */
    static String fit(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        int budget = maxBytes - "…".getBytes(StandardCharsets.UTF_8).length;
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }
}
