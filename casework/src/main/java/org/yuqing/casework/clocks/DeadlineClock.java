package org.yuqing.casework.clocks;

import java.time.Instant;
import java.util.Objects;

/**
 * One deadline of a case.
 *
 * @param name  which obligation it measures
 * @param dueAt when it runs out (UTC instant); never null
 * @param metAt when the obligation was fulfilled, or {@code null} while it is not
 */
public record DeadlineClock(ClockName name, Instant dueAt, Instant metAt) {

    public DeadlineClock {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /**
     * The status at {@code now}. The deadline instant itself still counts as in time ("2小时内" includes
     * the last instant).
     */
    public ClockStatus statusAt(Instant now) {
        if (metAt != null) {
            return metAt.isAfter(dueAt) ? ClockStatus.MET_LATE : ClockStatus.MET;
        }
        return now.isAfter(dueAt) ? ClockStatus.MISSED : ClockStatus.RUNNING;
    }

    /** Whether, at {@code now}, the deadline has passed and the obligation is still not met. */
    public boolean isOverdueAt(Instant now) {
        return statusAt(now) == ClockStatus.MISSED;
    }
}
