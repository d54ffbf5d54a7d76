package org.yuqing.grading.plans;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A plan id (or version) that is not stored; answered as a 404 problem. */
public class UnknownPlanException extends ErrorResponseException {

    /** @param planId the id asked for */
    public UnknownPlanException(String planId) {
        super(HttpStatus.NOT_FOUND, problem("未找到预案 " + planId), null);
    }

    /**
     * @param planId  the id asked for
     * @param version the version asked for
     */
    public UnknownPlanException(String planId, int version) {
        super(HttpStatus.NOT_FOUND, problem("未找到预案 " + planId + " 第 " + version + " 版"), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("预案不存在");
        return problem;
    }
}
