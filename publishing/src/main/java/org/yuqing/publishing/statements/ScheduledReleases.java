package org.yuqing.publishing.statements;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * The scheduled releases (定时发布) due at a given time, each released (or refused) in its own transaction; run by
 * {@link ReleaseSchedule} before every delivery pass, with that pass's time.
 */
@Component
class ScheduledReleases {

    private static final Logger log = LoggerFactory.getLogger(ScheduledReleases.class);
    private static final int BATCH = 50;

    private final Statements statements;

    ScheduledReleases(Statements statements) {
        this.statements = statements;
    }

    /**
     * Releases what is scheduled up to {@code now}, as its scheduler; {@code now} becomes the release time.
     *
     * @return how many statements were released
     */
    int releaseDue(Instant now) {
        int released = 0;
        for (UUID id : statements.scheduledDue(now, BATCH)) {
            try {
                released += statements.releaseScheduled(id, now) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("scheduled release of statement {} failed; retrying on the next pass", id, e);
            }
        }
        return released;
    }
}
