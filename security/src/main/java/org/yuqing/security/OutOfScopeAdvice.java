package org.yuqing.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Objects of other units answer like unknown ids (404); creating for another unit is 403. Both are audited.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OutOfScopeAdvice {

    private final AuditTrail audit;

    OutOfScopeAdvice(AuditTrail audit) {
        this.audit = audit;
    }

    @ExceptionHandler(OutOfScopeException.class)
    ProblemDetail outOfScope(OutOfScopeException e, HttpServletRequest request) {
        audit.denied(ProblemResponses.target(request), e.getMessage() + " belongs to a unit outside the caller's scope");
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "未找到：对象不存在，或不属于您的单位。");
    }

    @ExceptionHandler(ForbiddenUnitException.class)
    ProblemDetail forbiddenUnit(ForbiddenUnitException e, HttpServletRequest request) {
        audit.denied(ProblemResponses.target(request), e.getMessage() + ": unit outside the caller's scope");
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "无权为该单位操作：它不在您的管辖范围内。");
    }
}
