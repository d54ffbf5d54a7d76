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

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The delivery log (通知投递记录): {@code GET /api/casework/notifications/deliveries?unit=&status=&channel=&caseId=&limit=}
 * lists, newest first, the deliveries of notices to the units in the caller's scope — channel, recipient, status,
 * attempts, last error, next attempt and the history of every attempt (when, outcome, error); {@code POST /api/casework/notifications/deliveries/{id}/retry} makes a
 * FAILED delivery due again now, its attempts counted afresh (409 for any other status; another unit's delivery
 * answers 404 like an unknown id). Mobile numbers are shown masked; credentials are never stored in the log.
 */
@RestController
@RequestMapping("/api/casework/notifications/deliveries")
class DeliveryController {

    private static final int MAX_LIMIT = 500;
    private static final Set<String> STATUSES = Set.of(Delivery.PENDING, Delivery.SENDING, Delivery.SENT, Delivery.FAILED);
    private static final Set<String> CHANNELS = Set.of("EMAIL", "SMS", "WECOM", "DINGTALK");

    private final DeliveryRepository repository;
    private final Clock clock;

    DeliveryController(DeliveryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * A delivery as the log shows it.
     *
     * @param address the email address, the mobile number masked ({@code 138****5678}), or the robot's address
     *                without its credential
     * @param text    the notice that was (or is to be) sent
     * @param history every attempt so far, oldest first: started, ended, {@code SENT}, {@code FAILED} (with the
     *                error) or {@code INTERRUPTED}
     */
    record DeliveryView(long id, long notificationId, UUID caseId, String unitId, String channel, String recipient,
                        String address, String text, String status, int attempts, String lastError,
                        Instant nextAttemptAt, Instant sentAt, Instant createdAt, String retriedBy, Instant retriedAt,
                        List<DeliveryRepository.Attempt> history) {

        static DeliveryView of(Delivery d, List<DeliveryRepository.Attempt> history) {
            return new DeliveryView(d.id(), d.notificationId(), d.caseId(), d.unitId(), d.channel(), d.recipient(),
                    "SMS".equals(d.channel()) ? maskMobile(d.address()) : d.address(), d.text(), d.status(),
                    d.attempts(), d.lastError(), d.nextAttemptAt(), d.sentAt(), d.createdAt(), d.retriedBy(),
                    d.retriedAt(), List.copyOf(history));
        }
    }

    @GetMapping
    @Transactional(readOnly = true)
    public List<DeliveryView> list(@RequestParam(required = false) String unit,
                                   @RequestParam(required = false) String status,
                                   @RequestParam(required = false) String channel,
                                   @RequestParam(required = false) UUID caseId,
                                   @RequestParam(defaultValue = "100") int limit,
                                   Caller caller) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw problem(HttpStatus.BAD_REQUEST, "limit must be within 1.." + MAX_LIMIT);
        }
        String s = blankToNull(status);
        if (s != null && !STATUSES.contains(s)) {
            throw problem(HttpStatus.BAD_REQUEST, "status is one of " + STATUSES);
        }
        String c = blankToNull(channel);
        if (c != null && !CHANNELS.contains(c)) {
            throw problem(HttpStatus.BAD_REQUEST, "channel is one of " + CHANNELS);
        }
        List<Delivery> found = repository.list(caller.unitScope(), blankToNull(unit), s, c, caseId, limit);
        Map<Long, List<DeliveryRepository.Attempt>> history = repository.attemptsOf(found.stream().map(Delivery::id)
                .toList());
        return found.stream().map(d -> DeliveryView.of(d, history.getOrDefault(d.id(), List.of()))).toList();
    }

    @PostMapping("/{id}/retry")
    @Transactional
    public DeliveryView retry(@PathVariable long id, Caller caller) {
        String unit = repository.lockUnitOf(id).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                "未找到：对象不存在，或不属于您的单位。"));
        if (!caller.sees(unit)) {
            // Audited by the security library, and answered with the same words as an unknown id.
            throw new OutOfScopeException("delivery " + id);
        }
        Delivery d = repository.find(id).orElseThrow();
        if (!Delivery.FAILED.equals(d.status())) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "only a FAILED delivery is retried "
                    + "by hand; this one is " + d.status() + (Delivery.PENDING.equals(d.status())
                    ? " and will be tried at " + d.nextAttemptAt() : ""));
            p.setTitle("Retry refused");
            p.setProperty("status", d.status());
            throw new ErrorResponseException(HttpStatus.CONFLICT, p, null);
        }
        repository.retry(id, caller.login(), clock.instant());
        return DeliveryView.of(repository.find(id).orElseThrow(), repository.attemptsOf(List.of(id))
                .getOrDefault(id, List.of()));
    }

    /** {@code 13800001234} → {@code 138****1234}; short numbers keep only their last two digits. */
    static String maskMobile(String mobile) {
        if (mobile.length() >= 11) {
            return mobile.substring(0, mobile.length() - 8) + "****" + mobile.substring(mobile.length() - 4);
        }
        return "*".repeat(Math.max(0, mobile.length() - 2)) + mobile.substring(Math.max(0, mobile.length() - 2));
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
