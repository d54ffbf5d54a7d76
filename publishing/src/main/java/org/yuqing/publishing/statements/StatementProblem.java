package org.yuqing.publishing.statements;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.UUID;

/**
 * An error a user can cause on the statements API, answered as {@code application/problem+json}
 * with a stable {@code type} ({@code urn:yuqing:publishing:<code>}) clients can switch on.
 */
class StatementProblem extends ErrorResponseException {

    StatementProblem(HttpStatus status, String code, String title, String detail) {
        super(status, problem(status, code, title, detail), null);
    }

    static StatementProblem notFound(UUID statementId) {
        return new StatementProblem(HttpStatus.NOT_FOUND, "statement-not-found", "Statement not found",
                "no statement " + statementId);
    }

    static StatementProblem caseNotKnown(UUID caseId) {
        return new StatementProblem(HttpStatus.NOT_FOUND, "case-not-known", "Case not known",
                "case " + caseId + " not known to publishing yet").with("caseId", caseId);
    }

    static StatementProblem invalid(String detail) {
        return new StatementProblem(HttpStatus.BAD_REQUEST, "invalid-statement", "Invalid request", detail);
    }

    static StatementProblem unprocessable(String detail) {
        return new StatementProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", "Invalid request", detail);
    }

    static StatementProblem conflict(String code, String title, String detail) {
        return new StatementProblem(HttpStatus.CONFLICT, code, title, detail);
    }

    /** Adds a property to the problem body. */
    StatementProblem with(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }

    private static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:yuqing:publishing:" + code));
        problem.setTitle(title);
        return problem;
    }
}
