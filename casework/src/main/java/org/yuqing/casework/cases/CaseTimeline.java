package org.yuqing.casework.cases;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What other casework features may add to a case's timeline (案件时间线): the deadline watcher's
 * warnings and misses. Entries join the caller's transaction.
 */
@Service
public class CaseTimeline {

    private final CaseRepository repository;

    CaseTimeline(CaseRepository repository) {
        this.repository = repository;
    }

    /**
     * Notes that a deadline is about to run out (即将超时).
     *
     * @param at     when the warning was given (UTC)
     * @param detail facts behind the summary, serialised to JSON
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deadlineWarning(UUID caseId, Instant at, String summary, Map<String, ?> detail) {
        repository.append(caseId, at, TimelineKind.DEADLINE_WARNING, summary, Cases.SYSTEM, detail, null);
    }

    /**
     * Notes that a deadline ran out unmet (超时未办).
     *
     * @param at     when it ran out, i.e. the deadline (UTC)
     * @param detail facts behind the summary, serialised to JSON
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deadlineMissed(UUID caseId, Instant at, String summary, Map<String, ?> detail) {
        repository.append(caseId, at, TimelineKind.DEADLINE_MISSED, summary, Cases.SYSTEM, detail, null);
    }
}
