package org.yuqing.casework.cases;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.UUID;

/**
 * No case has the requested id: answered as a 404 problem. The body is word for word the one the security library
 * gives for another unit's case, so a 404 never tells whether a case exists elsewhere (the id is in
 * {@code instance}, the request path).
 */
class CaseNotFoundException extends ErrorResponseException {

    /** The detail of every 404 of casework, the same as the security library's for objects out of scope. */
    static final String DETAIL = "未找到：对象不存在，或不属于您的单位。";

    CaseNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, DETAIL), null);
    }
}
