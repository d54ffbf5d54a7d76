package org.yuqing.casework.escalation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.casework.clocks.ClockName;
import org.yuqing.security.Caller;

/**
 * {@code GET /api/casework/accountability?unit=}: a unit's missed and late deadlines (问责统计), for callers whose
 * unit scope holds that unit (a unit outside it answers 404, like an unknown one).
 */
@RestController
class AccountabilityController {

    private final EscalationRepository repository;

    AccountabilityController(EscalationRepository repository) {
        this.repository = repository;
    }

    /**
     * A unit's record.
     *
     * @param unit             the unit id
     * @param missedReports    report deadlines that ran out unmet (a clock restarted by escalation counts again if missed again)
     * @param lateReports      cases whose first report came after its deadline (迟报)
     * @param missedStatements first-statement deadlines that ran out unmet
     * @param missedWrittenReports   written reports not made in time after a phone report
     * @param missedInquiryReplies   inquiries not replied to the same day
     * @param missedProgressUpdates  progress updates (续报) not made in time, each missed interval once
     * @param missedReviews          post-incident reviews not recorded in time
     */
    record Accountability(String unit, int missedReports, int lateReports, int missedStatements,
                          int missedWrittenReports, int missedInquiryReplies, int missedProgressUpdates,
                          int missedReviews) {
    }

    @GetMapping("/api/casework/accountability")
    @Transactional(readOnly = true)
    public Accountability of(@RequestParam(required = false) String unit, Caller caller) {
        if (unit == null || unit.isBlank()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
                    ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "unit is required"), null);
        }
        String u = unit.strip();
        caller.requireSees(u, "accountability of unit " + u);
        return new Accountability(u, repository.missesOf(u, ClockName.REPORT), repository.lateReportsOf(u),
                repository.missesOf(u, ClockName.FIRST_STATEMENT), repository.missesOf(u, ClockName.WRITTEN_REPORT),
                repository.missesOf(u, ClockName.INQUIRY_REPLY), repository.missesOf(u, ClockName.PROGRESS_UPDATE),
                repository.missesOf(u, ClockName.REVIEW));
    }
}
