package org.yuqing.gateway.protection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@code application/problem+json} (RFC 9457) answer from a servlet filter, where Spring MVC's problem
 * handling does not reach. The detail is a fixed text: nothing the client sent is echoed.
 */
public final class Problems {

    private final JsonMapper json;

    /**
     * A writer using the application's JSON mapper.
     *
     * @param json the mapper
     */
    public Problems(JsonMapper json) {
        this.json = json;
    }

    /**
     * Writes a problem.
     *
     * @param request  the request, for {@code instance}
     * @param response the response, not yet committed
     * @param status   the status
     * @param detail   the human-readable detail (Chinese)
     * @throws IOException when the client is gone
     */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /**
     * Writes a 429 with {@code Retry-After} in whole seconds (at least 1).
     *
     * @param request    the request
     * @param response   the response
     * @param retryAfter how long the client should wait
     * @param detail     the detail
     * @throws IOException when the client is gone
     */
    public void tooManyRequests(HttpServletRequest request, HttpServletResponse response, Duration retryAfter,
                                String detail) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, detail);
    }

    /**
     * A wait rounded up to whole seconds, at least 1.
     *
     * @param wait the wait
     * @return seconds
     */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
