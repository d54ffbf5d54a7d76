package org.yuqing.monitoring.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.UUID;

/** An id the caller named does not exist here: answered 404 with a problem+json body. */
public class NotFoundException extends ErrorResponseException {

    /** Problem type of every unknown-id answer of this service. */
    public static final URI TYPE = URI.create("urn:yuqing:problem:not-found");

    /**
     * @param what the kind of thing, e.g. {@code incident}
     * @param id   the id as the caller sent it
     */
    public NotFoundException(String what, String id) {
        super(HttpStatus.NOT_FOUND, problem(what, id), null);
    }

    /**
     * Parses an id from a URL path; text that is not a UUID cannot name anything, so it is an
     * unknown id as well.
     *
     * @throws NotFoundException when {@code id} is not a UUID
     */
    public static UUID parseId(String what, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(what, id);
        }
    }

    private static ProblemDetail problem(String what, String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No " + what + " with id " + id);
        problem.setType(TYPE);
        problem.setTitle("Not found");
        problem.setProperty("id", id);
        return problem;
    }
}
