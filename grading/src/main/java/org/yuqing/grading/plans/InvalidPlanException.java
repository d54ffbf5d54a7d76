package org.yuqing.grading.plans;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/**
 * A plan that breaks a rule of {@link PlanValidator}, or a plan document that is not a plan; answered as a 422
 * problem whose {@code errors} property lists every error with its JSON-pointer {@code path}, {@code kind} and
 * {@code message}, and whose {@code problems} property lists the same messages alone.
 */
public class InvalidPlanException extends ErrorResponseException {

    private final transient List<PlanProblem> problems;
    private final transient List<PlanError> errors;

    /**
     * @param planId   the plan's id
     * @param problems what is wrong, at least one
     */
    public InvalidPlanException(String planId, List<PlanProblem> problems) {
        this(planId, List.copyOf(problems), problems.stream().map(PlanProblem::asError).toList());
    }

    private InvalidPlanException(String planId, List<PlanProblem> problems, List<PlanError> errors) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(planId, errors), null);
        this.problems = problems;
        this.errors = List.copyOf(errors);
    }

    /**
     * A document that does not describe a plan (missing or unknown fields, unknown metrics, …).
     *
     * @param planId the id the document names, or {@code null} when it names none
     * @param errors what is wrong, at least one
     */
    public static InvalidPlanException ofDocument(String planId, List<PlanError> errors) {
        return new InvalidPlanException(planId, List.of(), errors);
    }

    /** What is wrong with the plan by the rules of {@link PlanValidator}; empty for a malformed document. */
    public List<PlanProblem> problems() {
        return problems;
    }

    /** Every error, with its path in the document. */
    public List<PlanError> errors() {
        return errors;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail() + ": " + String.join("; ", errors.stream().map(PlanError::message).toList());
    }

    private static ProblemDetail problem(String planId, List<PlanError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "预案" + (planId == null ? "" : " " + planId) + " 有 " + errors.size() + " 处错误");
        problem.setTitle("预案不合规");
        problem.setProperty("problems", errors.stream().map(PlanError::message).toList());
        problem.setProperty("errors", errors);
        return problem;
    }
}
