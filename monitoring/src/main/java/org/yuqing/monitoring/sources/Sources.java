package org.yuqing.monitoring.sources;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuqing.monitoring.web.NotFoundException;
import org.yuqing.security.AuditTrail;
import org.yuqing.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The sources of every unit: register, change, remove and read them, and the transactions of the poller (claim
 * due sources, record each poll's outcome). A caller sees and changes only the sources of the units in their scope
 * (属地管理); the poller works for every unit. Every change writes a {@link AuditTrail#CONFIG_CHANGE} audit line in
 * its transaction.
 */
@Service
public class Sources {

    private final SourceRepository repository;
    private final SourceProperties properties;
    private final Clock clock;
    private final AuditTrail audit;

    Sources(SourceRepository repository, SourceProperties properties, Clock clock, AuditTrail audit) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Registers a source, due for its first poll at once.
     *
     * @param caller who registers it; the source's unit must be in their scope
     * @throws org.yuqing.monitoring.web.InvalidRequestException when the draft is invalid
     * @throws org.yuqing.security.ForbiddenUnitException       when the unit is outside the caller's scope (403)
     */
    @Transactional
    public Source create(SourceDraft draft, Caller caller) {
        SourceDraft.Valid valid = draft.validated();
        caller.requireMayActFor(valid.unitId(), "source for unit " + valid.unitId());
        UUID id = UUID.randomUUID();
        repository.insert(id, valid, caller.login(), now());
        audit.done(AuditTrail.CONFIG_CHANGE, "source " + id, "created " + valid.name() + " (" + valid.url()
                + ") for unit " + valid.unitId());
        return repository.find(id).orElseThrow();
    }

    /**
     * Replaces a source's settings; its polling status is kept (a new URL is polled at once).
     *
     * @throws NotFoundException when there is no such source in the caller's scope
     * @throws org.yuqing.monitoring.web.InvalidRequestException when the draft is invalid
     * @throws org.yuqing.security.ForbiddenUnitException when it would move to a unit outside the caller's scope
     */
    @Transactional
    public Source update(UUID id, SourceDraft draft, Caller caller) {
        Source old = repository.lock(id).orElseThrow(() -> new NotFoundException("source", id.toString()));
        caller.requireSees(old.unitId(), "source " + id);
        SourceDraft.Valid valid = draft.validated();
        caller.requireMayActFor(valid.unitId(), "source " + id + " moved to unit " + valid.unitId());
        boolean urlChanged = !old.url().equals(valid.url());
        repository.update(id, valid, urlChanged, valid.enabled() && !old.enabled(), now());
        audit.done(AuditTrail.CONFIG_CHANGE, "source " + id, "updated " + valid.name() + " (" + valid.url() + ")"
                + (old.unitId().equals(valid.unitId()) ? "" : ", moved from unit " + old.unitId() + " to " + valid.unitId()));
        return repository.find(id).orElseThrow();
    }

    /**
     * Removes a source; the posts collected from it stay.
     *
     * @throws NotFoundException when there is no such source in the caller's scope
     */
    @Transactional
    public void delete(UUID id, Caller caller) {
        Source old = repository.lock(id).orElseThrow(() -> new NotFoundException("source", id.toString()));
        caller.requireSees(old.unitId(), "source " + id);
        repository.delete(id);
        audit.done(AuditTrail.CONFIG_CHANGE, "source " + id, "deleted " + old.name() + " (" + old.url()
                + ") of unit " + old.unitId());
    }

    /**
     * The source with its status, as the caller may see it.
     *
     * @throws NotFoundException when there is no such source
     * @throws org.yuqing.security.OutOfScopeException when it belongs to a unit outside the caller's scope (404)
     */
    @Transactional(readOnly = true)
    public Source get(UUID id, Caller caller) {
        Source source = repository.find(id).orElseThrow(() -> new NotFoundException("source", id.toString()));
        caller.requireSees(source.unitId(), "source " + id);
        return source;
    }

    /** The sources of the caller's unit scope, oldest first. */
    @Transactional(readOnly = true)
    public List<Source> visibleTo(Caller caller) {
        return caller.unitScope().isEmpty() ? List.of() : repository.ofUnits(caller.unitScope());
    }

    /**
     * Claims a source of the caller's scope for a poll now (立即采集), whatever its schedule.
     *
     * @return the claimed source; empty when another replica is claiming it at this moment
     * @throws NotFoundException when there is no such source in the caller's scope (404)
     */
    @Transactional
    java.util.Optional<DueSource> claimNow(UUID id, Caller caller) {
        Source source = repository.find(id).orElseThrow(() -> new NotFoundException("source", id.toString()));
        caller.requireSees(source.unitId(), "source " + id);
        return repository.claim(id, now().plus(properties.lease()));
    }

    @Transactional
    List<DueSource> claimDue() {
        Instant now = now();
        return repository.claimDue(now, properties.batchSize(), now.plus(properties.lease()));
    }

    /** A poll succeeded; {@code ingested} and {@code skipped} are null when the feed was not modified. */
    @Transactional
    void recordSuccess(DueSource source, String etag, String lastModified, Integer ingested, Integer skipped) {
        Instant now = now();
        repository.recordSuccess(source.id(), now, etag, lastModified, ingested, skipped, now.plus(source.pollInterval()));
    }

    /**
     * A poll read entries from a broken feed (kept) or some entries failed: the source shows the problem and the
     * counts, and is retried with backoff like a failed poll.
     */
    @Transactional
    void recordPartialFailure(DueSource source, String error, int ingested, int skipped) {
        recordFailure(source, error);
        repository.recordCounts(source.id(), ingested, skipped);
    }

    @Transactional
    void recordFailure(DueSource source, String error) {
        Instant now = now();
        int failures = source.consecutiveFailures() + 1;
        String message = error == null || error.isBlank() ? "unknown error" : error;
        repository.recordFailure(source.id(), now, message.length() > 2000 ? message.substring(0, 2000) : message,
                failures, now.plus(properties.backoff(failures)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
