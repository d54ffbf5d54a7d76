package org.yuqing.grading.plans;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/**
 * A plan that breaks a rule of {@link PlanValidator}; answered as a 422 problem whose
 * {@code problems} property lists every error in words.
 */
public class InvalidPlanException extends ErrorResponseException {

    private final transient List<PlanProblem> problems;

    /**
     * @param planId   the plan's id
     * @param problems what is wrong, at least one
     */
    public InvalidPlanException(String planId, List<PlanProblem> problems) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(planId, problems), null);
        this.problems = List.copyOf(problems);
    }

    /** What is wrong with the plan. */
    public List<PlanProblem> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail() + ": " + String.join("; ", problems.stream().map(PlanProblem::message).toList());
    }

    private static ProblemDetail problem(String planId, List<PlanProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "预案 " + planId + " 有 " + problems.size() + " 处错误");
        problem.setTitle("预案不合规");
        problem.setProperty("problems", problems.stream().map(PlanProblem::message).toList());
        return problem;
    }
}
