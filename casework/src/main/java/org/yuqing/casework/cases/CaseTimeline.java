package org.yuqing.casework.cases;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.yuqing.security.Caller;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What other casework features may do with a case: add to its timeline (案件时间线) — the deadline watcher's warnings
 * and misses, tasks, attachments — and take hold of the case they work on, scoped to the caller's units (another
 * unit's case answers 404 like an unknown id). Everything joins the caller's transaction.
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

    /**
     * The case {@code by} works on, locked until the transaction ends (so a close and a new task, say, cannot cross).
     *
     * @throws org.yuqing.security.OutOfScopeException when the case belongs to a unit outside {@code by}'s scope (404)
     * @throws org.springframework.web.ErrorResponseException 404 when there is no such case
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CaseRef lockForWork(UUID caseId, Caller by) {
        CaseFile c = repository.lock(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        by.requireSees(c.unitId(), "case " + caseId);
        return CaseRef.of(c);
    }

    /**
     * The case {@code by} reads, unlocked.
     *
     * @throws org.yuqing.security.OutOfScopeException when the case belongs to a unit outside {@code by}'s scope (404)
     * @throws org.springframework.web.ErrorResponseException 404 when there is no such case
     */
    @Transactional(readOnly = true)
    public CaseRef visible(UUID caseId, Caller by) {
        CaseFile c = repository.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        by.requireSees(c.unitId(), "case " + caseId);
        return CaseRef.of(c);
    }

    /**
     * Adds an entry of another feature to the timeline.
     *
     * @param kind   one of the kinds other features record (tasks, attachments)
     * @param actor  who did it (a login)
     * @param detail facts behind the summary, serialised to JSON
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID caseId, Instant at, TimelineKind kind, String summary, String actor, Map<String, ?> detail) {
        repository.append(caseId, at, kind, summary, actor, detail, null);
    }
}
