package org.yuqing.grading;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Answers errors a client causes as {@code application/problem+json}, like Spring's default handler,
 * but says which field of an unreadable request body is wrong, without naming Java types.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail body = createProblemDetail(ex, status, detail(ex), null, null, request);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    private static String detail(HttpMessageNotReadableException ex) {
        JacksonException json = find(ex, JacksonException.class);
        if (json == null) {
            return "请求体无法读取";
        }
        if (json instanceof StreamReadException) {
            return "请求体不是有效的 JSON";
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : json.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        String field = path.toString();
        IllegalArgumentException rule = find(json, IllegalArgumentException.class);
        NullPointerException missing = find(json, NullPointerException.class);
        String what = field.isEmpty() ? "请求体" : "字段 " + field;
        if (rule != null) {
            return what + " 不合规：" + rule.getMessage();
        }
        if (missing != null) {
            return what + " 缺少必填项：" + missing.getMessage();
        }
        return what + " 的值无效";
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
