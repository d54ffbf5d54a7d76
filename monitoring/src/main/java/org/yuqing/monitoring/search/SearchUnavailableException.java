package org.yuqing.monitoring.search;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/**
 * Elasticsearch could not be reached or refused a request: answered 503 with {@code Retry-After} (seconds), the caller
 * may retry. Ingest never answers this: accepted posts wait in a durable queue instead.
 */
public class SearchUnavailableException extends ErrorResponseException {

    /** Seconds a client should wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 30;

    /** Problem type of this failure. */
    public static final URI TYPE = URI.create("urn:yuqing:problem:search-unavailable");

    SearchUnavailableException(String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), cause);
    }

    @Override
    public HttpHeaders getHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        return headers;
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(TYPE);
        problem.setTitle("Post store unavailable");
        return problem;
    }
}
