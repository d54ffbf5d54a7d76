package org.yuqing.casework.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.Name;
import org.yuqing.casework.clocks.ClockName;

import java.time.Duration;
import java.util.List;

/**
 * Configuration under {@code yuqing.casework.escalation}.
 *
 * @param watchInterval             how often the deadline watcher runs (default 30 s); read by the schedule
 * @param reportWarningLead         how long before the report deadline the warning goes out (default 15 min)
 * @param firstStatementWarningLead how long before the first-statement deadline (default 2 h)
 * @param reviewWarningLead         how long before the review deadline (default 12 h)
 * @param writtenReportWarningLead  how long before the written-report deadline (default 10 min)
 * @param inquiryReplyWarningLead   how long before the same-day reply deadline (default 2 h)
 * @param progressUpdateWarningLead how long before the next progress update is due (default 2 h)
 * @param steps                     the escalation chain started by a miss, in order (default: notify the
 *                                  assignee, wait 10 min, notify the unit head, wait 10 min, notify the leader in charge)
 */
@ConfigurationProperties("yuqing.casework.escalation")
public record EscalationProperties(Duration watchInterval, Duration reportWarningLead,
                                   Duration firstStatementWarningLead, Duration reviewWarningLead,
                                   Duration writtenReportWarningLead, Duration inquiryReplyWarningLead,
                                   Duration progressUpdateWarningLead, List<Step> steps) {

    /** The chain used when none is configured. */
    static final List<Step> DEFAULT_STEPS = List.of(
            Step.notify("ASSIGNEE"), Step.waitFor(Duration.ofMinutes(10)),
            Step.notify("UNIT_HEAD"), Step.waitFor(Duration.ofMinutes(10)),
            Step.notify("LEADER_IN_CHARGE"));

    @ConstructorBinding
    public EscalationProperties {
        watchInterval = watchInterval == null ? Duration.ofSeconds(30) : watchInterval;
        reportWarningLead = reportWarningLead == null ? Duration.ofMinutes(15) : reportWarningLead;
        firstStatementWarningLead = firstStatementWarningLead == null ? Duration.ofHours(2) : firstStatementWarningLead;
        reviewWarningLead = reviewWarningLead == null ? Duration.ofHours(12) : reviewWarningLead;
        writtenReportWarningLead = writtenReportWarningLead == null ? Duration.ofMinutes(10) : writtenReportWarningLead;
        inquiryReplyWarningLead = inquiryReplyWarningLead == null ? Duration.ofHours(2) : inquiryReplyWarningLead;
        progressUpdateWarningLead = progressUpdateWarningLead == null ? Duration.ofHours(2) : progressUpdateWarningLead;
        steps = steps == null || steps.isEmpty() ? DEFAULT_STEPS : List.copyOf(steps);
        if (watchInterval.isNegative() || watchInterval.isZero() || reportWarningLead.isNegative()
                || firstStatementWarningLead.isNegative() || reviewWarningLead.isNegative()
                || writtenReportWarningLead.isNegative() || inquiryReplyWarningLead.isNegative()
                || progressUpdateWarningLead.isNegative()) {
            throw new IllegalArgumentException("yuqing.casework.escalation: watch-interval must be positive, "
                    + "warning leads must not be negative");
        }
    }

    /** The settings with the default review, written-report, reply and progress warning leads. */
    public EscalationProperties(Duration watchInterval, Duration reportWarningLead, Duration firstStatementWarningLead,
                                List<Step> steps) {
        this(watchInterval, reportWarningLead, firstStatementWarningLead, null, steps);
    }

    /** The settings with the default written-report, reply and progress warning leads. */
    public EscalationProperties(Duration watchInterval, Duration reportWarningLead, Duration firstStatementWarningLead,
                                Duration reviewWarningLead, List<Step> steps) {
        this(watchInterval, reportWarningLead, firstStatementWarningLead, reviewWarningLead, null, null, null, steps);
    }

    /** The warning lead of a clock. */
    public Duration warningLead(ClockName clock) {
        return switch (clock) {
            case REPORT -> reportWarningLead;
            case FIRST_STATEMENT -> firstStatementWarningLead;
            case REVIEW -> reviewWarningLead;
            case WRITTEN_REPORT -> writtenReportWarningLead;
            case INQUIRY_REPLY -> inquiryReplyWarningLead;
            case PROGRESS_UPDATE -> progressUpdateWarningLead;
        };
    }

    /** The first role the chain notifies, who also receives the warning; {@code ASSIGNEE} if the chain notifies none. */
    public String firstTarget() {
        return steps.stream().filter(Step::isNotify).map(Step::target).findFirst().orElse("ASSIGNEE");
    }

    /**
     * One step of the chain, configured as {@code notify: UNIT_HEAD} or {@code wait: 10m}: exactly one of
     * {@code target} (a role of the case's unit to notify) and {@code delay} (how long to wait) is set.
     */
    public record Step(@Name("notify") String target, @Name("wait") Duration delay) {

        public Step {
            boolean notifies = target != null && !target.isBlank();
            if (notifies == (delay != null)) {
                throw new IllegalArgumentException(
                        "an escalation step sets exactly one of notify (a role) and wait (a duration): " + target + "/" + delay);
            }
            if (delay != null && delay.isNegative()) {
                throw new IllegalArgumentException("an escalation wait must not be negative: " + delay);
            }
            target = notifies ? target.strip() : null;
        }

        static Step notify(String role) {
            return new Step(role, null);
        }

        static Step waitFor(Duration duration) {
            return new Step(null, duration);
        }

        /** Whether this step sends a notice (else it waits). */
        public boolean isNotify() {
            return target != null;
        }
    }
}
