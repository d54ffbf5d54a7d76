package org.yuqing.casework.cases;

import org.yuqing.casework.clocks.SameDayDeadline;
import org.yuqing.domain.Category;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The follow-up clocks of a case besides report, first statement and review, and the facts that move them:
 * the written report after a phone report (书面报告), the same-day reply to an inquiry (当日答复) and the recurring
 * progress update (续报). Instants are UTC; a {@code null} due instant means the clock does not run.
 *
 * @param category           the incident's category as last graded; INQUIRY starts the reply clock
 * @param writtenReportFrom  the phone report that started the written-report clock, or {@code null}
 * @param writtenReportDueAt when the written report is due, or {@code null} while none is owed
 * @param writtenReportedAt  the written report that stopped the clock, or {@code null}
 * @param inquiryReplyDueAt  23:59:59 Beijing time of the detection day, for INQUIRY cases; else {@code null}
 * @param inquiryRepliedAt   the statement that replied, or {@code null}
 * @param progressEvery      the plan's interval between progress updates, copied when the case opened
 * @param lastProgressAt     the last report or published statement, or {@code null}
 * @param progressDueAt      the next progress update, while the case is RESPONDING or TRACKING; else {@code null}
 */
record Followups(Category category, Instant writtenReportFrom, Instant writtenReportDueAt, Instant writtenReportedAt,
                 Instant inquiryReplyDueAt, Instant inquiryRepliedAt, Duration progressEvery, Instant lastProgressAt,
                 Instant progressDueAt) {

    Followups {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(progressEvery, "progressEvery");
        if (progressEvery.isNegative() || progressEvery.isZero()) {
            throw new IllegalArgumentException("the progress update interval must be positive: " + progressEvery);
        }
    }

    /** A new case's: only the reply clock may run from the start, for an inquiry detected at {@code detectedAt}. */
    static Followups opened(Category category, Instant detectedAt, Duration progressEvery) {
        return new Followups(category, null, null, null, null, null, progressEvery, null, null)
                .classified(category, detectedAt);
    }

    /**
     * After (re)classification: becoming INQUIRY starts the reply clock (due the end of the detection day, which may
     * have passed); leaving INQUIRY drops a reply still owed (a reply already made stays on the record).
     */
    Followups classified(Category to, Instant detectedAt) {
        Instant due = inquiryReplyDueAt;
        Instant replied = inquiryRepliedAt;
        if (to == Category.INQUIRY && due == null) {
            due = SameDayDeadline.endOfDay(detectedAt);
        } else if (to != Category.INQUIRY && replied == null) {
            due = null;
        }
        return new Followups(to, writtenReportFrom, writtenReportDueAt, writtenReportedAt, due, replied,
                progressEvery, lastProgressAt, progressDueAt);
    }

    /**
     * After a report at {@code at}: a phone report starts the written-report clock unless one runs (the earlier
     * deadline holds); a written or special report made after the phone report stops it. Every report is progress.
     */
    Followups reported(ReportKind kind, Instant at, Duration writtenWithin, CaseState state) {
        Instant from = writtenReportFrom;
        Instant due = writtenReportDueAt;
        Instant met = writtenReportedAt;
        boolean running = due != null && met == null;
        if (kind == ReportKind.PHONE && !running) {
            from = at;
            due = at.plus(writtenWithin);
            met = null;
        } else if (kind != ReportKind.PHONE && running && !at.isBefore(from)) {
            met = at;
        }
        return new Followups(category, from, due, met, inquiryReplyDueAt, inquiryRepliedAt, progressEvery,
                later(lastProgressAt, at), progressDueAt).inState(state, at);
    }

    /** After a statement published at {@code at}: it replies to an inquiry still owed, and is progress. */
    Followups statementPublished(Instant at, CaseState state) {
        Instant replied = inquiryReplyDueAt != null && inquiryRepliedAt == null ? at : inquiryRepliedAt;
        return new Followups(category, writtenReportFrom, writtenReportDueAt, writtenReportedAt, inquiryReplyDueAt,
                replied, progressEvery, later(lastProgressAt, at), progressDueAt).inState(state, at);
    }

    /**
     * The progress clock for a case in {@code state}: while RESPONDING or TRACKING due the interval after the last
     * progress (or after {@code now} when there has been none); otherwise not running.
     */
    Followups inState(CaseState state, Instant now) {
        Instant due = isOpen(state) ? (lastProgressAt == null ? now : lastProgressAt).plus(progressEvery) : null;
        return new Followups(category, writtenReportFrom, writtenReportDueAt, writtenReportedAt, inquiryReplyDueAt,
                inquiryRepliedAt, progressEvery, lastProgressAt, due);
    }

    /** Whether progress updates are owed in {@code state} (处置回应、动态跟踪). */
    static boolean isOpen(CaseState state) {
        return state == CaseState.RESPONDING || state == CaseState.TRACKING;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
