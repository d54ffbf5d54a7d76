package org.yuqing.monitoring.topics;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/**
 * A topic expression that does not parse or breaks a rule of {@link TopicExpression}: answered 422 with a
 * problem+json body whose {@code position} is the 0-based character offset of the error, {@code expected} says what
 * should have come there and {@code detail} explains it in Chinese, e.g. {@code 第 12 个字符处缺少右括号…} (the detail
 * counts characters from 1, as people do).
 */
public class InvalidExpressionException extends ErrorResponseException {

    /** Problem type of an invalid topic expression. */
    public static final URI TYPE = URI.create("urn:yuqing:problem:invalid-topic-expression");

    private final int position;
    private final String expected;

    /**
     * @param position 0-based character offset of the error in the expression
     * @param expected what should have come there
     * @param detail   the explanation for the user, in Chinese
     */
    public InvalidExpressionException(int position, String expected, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(position, expected, detail), null);
        this.position = position;
        this.expected = expected;
    }

    /** @return the 0-based character offset of the error */
    public int position() {
        return position;
    }

    /** @return what should have come at the position */
    public String expected() {
        return expected;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(int position, String expected, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setType(TYPE);
        problem.setTitle("Invalid topic expression");
        problem.setProperty("field", "expression");
        problem.setProperty("position", position);
        problem.setProperty("expected", expected);
        return problem;
    }
}
