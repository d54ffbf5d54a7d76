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

import java.util.List;
import java.util.UUID;

/**
 * The inbox API: {@code GET /api/casework/notifications?unit=&role=&caseId=&unread=&limit=} (newest first) and
 * {@code POST /api/casework/notifications/{id}/read}.
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
                                   @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw problem(HttpStatus.BAD_REQUEST, "limit must be within 1.." + MAX_LIMIT);
        }
        return repository.list(blankToNull(unit), blankToNull(role), caseId, unread, limit);
    }

    @PostMapping("/{id}/read")
    @Transactional
    public Notification read(@PathVariable long id) {
        return repository.markRead(id)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "notification " + id + " does not exist"));
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
