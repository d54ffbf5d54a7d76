package org.yuqing.gateway.identity;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The problems (RFC 9457) the gateway's own API answers with; Spring MVC writes them as
 * {@code application/problem+json}.
 */
public final class ApiProblems {

    private ApiProblems() {
    }

    /**
     * A problem to throw from a controller.
     *
     * @param status the status, e.g. 409
     * @param detail the Chinese explanation; never echo a secret
     * @return the exception
     */
    public static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
