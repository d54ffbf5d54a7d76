package org.yuqing.monitoring.search;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** Elasticsearch could not be reached or refused a request: answered 503, the caller may retry. */
public class SearchUnavailableException extends ErrorResponseException {

    /** Problem type of this failure. */
    public static final URI TYPE = URI.create("urn:yuqing:problem:search-unavailable");

    SearchUnavailableException(String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), cause);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(TYPE);
        problem.setTitle("Post store unavailable");
        return problem;
    }
}
