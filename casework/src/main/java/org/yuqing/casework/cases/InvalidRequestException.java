package org.yuqing.casework.cases;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request a user can correct: answered as a 400 problem naming what is wrong. */
class InvalidRequestException extends ErrorResponseException {

    InvalidRequestException(String detail) {
        super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }
}
