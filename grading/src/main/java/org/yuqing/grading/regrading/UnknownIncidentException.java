package org.yuqing.grading.regrading;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.UUID;

/** An incident grading has never graded; answered as a 404 problem. */
class UnknownIncidentException extends ErrorResponseException {

    UnknownIncidentException(UUID incidentId) {
        super(HttpStatus.NOT_FOUND, problem(incidentId), null);
    }

    private static ProblemDetail problem(UUID incidentId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "未找到事件 " + incidentId + " 的定级");
        problem.setTitle("事件未定级");
        return problem;
    }
}
