package org.yuqing.casework.cases;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.UUID;

/** No case has the requested id: answered as a 404 problem. */
class CaseNotFoundException extends ErrorResponseException {

    CaseNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No case has id " + id);
        problem.setTitle("Case not found");
        return problem;
    }
}
