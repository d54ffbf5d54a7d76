package org.yuqing.casework.notifications;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.security.Caller;
import org.yuqing.security.OutOfScopeException;

import java.util.List;
import java.util.UUID;

/**
 * The caller's own inbox (个人站内通知): {@code GET /api/casework/notifications?unit=&role=&caseId=&unread=&limit=}
 * (newest first) and {@code POST /api/casework/notifications/{id}/read}. A user's inbox holds the notices sent to
 * the units they belong to and those sent to them personally (as a case's assignee); reading is recorded per user. Another user's notice answers 404, like an unknown id.
 */
@RestController
@RequestMapping("/api/casework/notifications")
class NotificationController {

    private static final int MAX_LIMIT = 500;

    private final NotificationRepository repository;

    NotificationController(NotificationRepository repository) {
        this.repository = repository;
    }

    @GetMapping
    @Transactional(readOnly = true)
    public List<Notification> list(@RequestParam(required = false) String unit,
                                   @RequestParam(required = false) String role,
                                   @RequestParam(required = false) UUID caseId,
                                   @RequestParam(defaultValue = "false") boolean unread,
                                   @RequestParam(defaultValue = "100") int limit,
                                   Caller caller) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw problem(HttpStatus.BAD_REQUEST, "limit must be within 1.." + MAX_LIMIT);
        }
        return repository.inbox(caller.login(), caller.units(), blankToNull(unit), blankToNull(role), caseId, unread,
                limit);
    }

    @PostMapping("/{id}/read")
    @Transactional
    public Notification read(@PathVariable long id, Caller caller) {
        repository.recipientUnitOf(id).orElseThrow(() -> notFound());
        if (!repository.isFor(id, caller.login(), caller.units())) {
            // Audited by the security library, and answered with the same words as an unknown id.
            throw new OutOfScopeException("notification " + id);
        }
        return repository.markRead(id, caller.login()).orElseThrow(() -> notFound());
    }

    // The same words as the security library's answer for another unit's object, so the two look alike.
    private static ErrorResponseException notFound() {
        return problem(HttpStatus.NOT_FOUND, "未找到：对象不存在，或不属于您的单位。");
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
