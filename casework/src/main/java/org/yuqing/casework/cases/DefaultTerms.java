package org.yuqing.casework.cases;

import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Level;
import org.yuqing.domain.ResponseTerms;

import java.time.Duration;
import java.util.List;

/**
 * The terms a case opened by hand runs on until a grade brings its plan's own terms: the strictest common
 * reading of the preset plans (DOMAIN.md) — report within 1 h (特别重大), 2 h (重大) or 24 h (较大、一般); a
 * written report 30 min after a phone report; the first statement within 24 h (黄金24小时); the written review
 * within 72 h (3 days) after the incident subsides; statements approved by the unit head, plus the leader in
 * charge from 较大, plus the main leader from 重大. Such cases carry plan id {@value #PLAN_ID}, version 0.
 */
final class DefaultTerms {

    /** The plan id of a case opened by hand. */
    static final String PLAN_ID = "manual";
    /** The plan version of a case opened by hand. */
    static final int PLAN_VERSION = 0;
    /** How often a case being handled reports progress (续报) when its plan names no interval: daily. */
    static final Duration PROGRESS_UPDATE_EVERY = Duration.ofHours(24);

    private DefaultTerms() {
    }

    /** The default terms at {@code level}; never null. */
    static ResponseTerms at(Level level) {
        Duration report = switch (level) {
            case EXTRAORDINARY -> Duration.ofHours(1);
            case MAJOR -> Duration.ofHours(2);
            case SERIOUS, GENERAL -> Duration.ofHours(24);
        };
        List<ApprovalStep> approvals = switch (level) {
            case GENERAL -> List.of(ApprovalStep.UNIT_HEAD);
            case SERIOUS -> List.of(ApprovalStep.UNIT_HEAD, ApprovalStep.LEADER_IN_CHARGE);
            case MAJOR, EXTRAORDINARY ->
                    List.of(ApprovalStep.UNIT_HEAD, ApprovalStep.LEADER_IN_CHARGE, ApprovalStep.MAIN_LEADER);
        };
        return new ResponseTerms(report, Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofHours(72), true,
                approvals);
    }
}
