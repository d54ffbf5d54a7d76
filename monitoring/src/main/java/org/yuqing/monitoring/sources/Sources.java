package org.yuqing.monitoring.sources;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sources of every unit: register and read them, and the transactions of the poller (claim
 * due sources, record each poll's outcome).
 */
@Service
public class Sources {

    private final SourceRepository repository;
    private final SourceProperties properties;
    private final Clock clock;

    Sources(SourceRepository repository, SourceProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Registers a source, due for its first poll at once.
     *
     * @param actor login of who registers it
     * @throws org.yuqing.monitoring.web.InvalidRequestException when the draft is invalid
     */
    @Transactional
    public Source create(SourceDraft draft, String actor) {
        SourceDraft.Valid valid = draft.validated();
        UUID id = UUID.randomUUID();
        repository.insert(id, valid, actor, now());
        return repository.find(id).orElseThrow();
    }

    /** The source with its status, if it exists. */
    @Transactional(readOnly = true)
    public Optional<Source> find(UUID id) {
        return repository.find(id);
    }

    /** Every source, oldest first. */
    @Transactional(readOnly = true)
    public List<Source> all() {
        return repository.all();
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
