package org.yuqing.casework.cases;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.Map;

/** A request that conflicts with where a case stands: answered as a 409 problem with the given properties. */
class CaseConflictException extends ErrorResponseException {

    CaseConflictException(String title, String detail, Map<String, ?> properties) {
        super(HttpStatus.CONFLICT, problem(title, detail, properties), null);
    }

    private static ProblemDetail problem(String title, String detail, Map<String, ?> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
