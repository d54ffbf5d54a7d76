package org.yuqing.monitoring.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A request the caller must correct: answered 400 with a problem+json body whose {@code errors}
 * property lists {@code {field, message}} for each offending field.
 */
public class InvalidRequestException extends ErrorResponseException {

    /** Problem type of every validation failure of this service. */
    public static final URI TYPE = URI.create("urn:yuqing:problem:invalid-request");

    /**
     * @param errors message per field name (JSON path of the field, e.g. {@code metrics.reads}),
     *               in the order they should be reported; not empty
     */
    public InvalidRequestException(Map<String, String> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
    }

    private static ProblemDetail problem(Map<String, String> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one error");
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                        .reduce((a, b) -> a + "; " + b).orElseThrow());
        problem.setType(TYPE);
        problem.setTitle("Invalid request");
        List<Map<String, String>> list = errors.entrySet().stream()
                .map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
                .toList();
        problem.setProperty("errors", list);
        return problem;
    }
}
