package org.yuqing.monitoring.sources;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yuqing.monitoring.ingest.PostIngest;
import org.yuqing.monitoring.ingest.PostSubmission;
import org.yuqing.monitoring.web.InvalidRequestException;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Polls due feed sources: claims them (replicas never poll one source at once), fetches each with
 * a conditional GET and takes each entry in through {@link PostIngest}, the path the ingest API
 * uses. An invalid entry (no link, no text) is skipped and counted; a text longer than a post may hold is cut to
 * {@link PostIngest#MAX_TEXT_LENGTH} characters, so a huge item is kept. A broken feed records its error on the source
 * and is retried with exponential backoff — also when {@link FeedReader} recovered its complete entries from a
 * document that is not well-formed (they are kept) or when some entries failed for another reason than being invalid.
 * Nothing a feed holds stops the poller: every failure ends as the source's error.
 */
@Component
public class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final Sources sources;
    private final FeedFetcher fetcher;
    private final PostIngest ingest;
    private final Clock clock;

    FeedPoller(Sources sources, FeedFetcher fetcher, PostIngest ingest, Clock clock) {
        this.sources = sources;
        this.fetcher = fetcher;
        this.ingest = ingest;
        this.clock = clock;
    }

    /**
     * Polls the sources due now that no other replica holds, one batch.
     *
     * @return how many sources were polled (successfully or not)
     */
    public int pollDue() {
        List<DueSource> due = sources.claimDue();
        for (DueSource source : due) {
            poll(source);
        }
        return due.size();
    }

    /**
     * Polls a source now (立即采集), whatever its schedule or enabled flag, in the background: the source's status
     * ({@code lastPolledAt}, {@code lastError}, counts) shows the outcome when it is done.
     *
     * @param id     the source
     * @param caller who asks; the source must be in their unit scope
     * @return whether a poll was started (false: another replica is claiming the source at this very moment, and
     *         polls it)
     * @throws org.yuqing.monitoring.web.NotFoundException when there is no such source in the caller's scope (404)
     */
    public boolean pollNow(java.util.UUID id, org.yuqing.security.Caller caller) {
        java.util.Optional<DueSource> claimed = sources.claimNow(id, caller);
        claimed.ifPresent(source -> Thread.ofVirtual().name("source-poll-now-" + id).start(() -> poll(source)));
        return claimed.isPresent();
    }

    private void poll(DueSource source) {
        try {
            FeedFetcher.Fetched fetched = fetcher.fetch(source.url(), source.etag(), source.lastModified());
            if (fetched.notModified()) {
                sources.recordSuccess(source, fetched.etag(), fetched.lastModified(), null, null);
                return;
            }
            FeedReader.Parsed parsed = FeedReader.read(fetched.body(), fetched.contentType());
            int ingested = 0;
            int skipped = 0;
            String failure = null;
            for (FeedReader.Entry entry : parsed.entries()) {
                try {
                    if (take(source, entry)) {
                        ingested++;
                    } else {
                        skipped++;
                    }
                } catch (RuntimeException e) {
                    // one entry the store failed on must not cost the others
                    skipped++;
                    if (failure == null) {
                        log.warn("Source {}: an entry failed", source.id(), e);
                        failure = "an entry failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                }
            }
            String problem = parsed.problem() != null ? parsed.problem() : failure;
            if (problem != null) {
                // the entries read are kept; the validators are not, so the retry fetches the whole feed again
                sources.recordPartialFailure(source, problem, ingested, skipped);
                log.warn("Polled source {} with a problem ({} entries ingested, {} skipped): {}", source.id(), ingested,
                        skipped, problem);
                return;
            }
            sources.recordSuccess(source, fetched.etag(), fetched.lastModified(), ingested, skipped);
            log.info("Polled source {}: {} entries ingested, {} skipped", source.id(), ingested, skipped);
        } catch (FeedUnavailableException e) {
            log.warn("Polling source {} failed: {}", source.id(), e.getMessage());
            sources.recordFailure(source, e.getMessage());
        } catch (RuntimeException e) {
            // the database failed: the validators are not stored, so the next poll fetches the whole feed
            // again and re-ingests (harmlessly, post ids are URL-based).
            log.warn("Polling source {} failed", source.id(), e);
            sources.recordFailure(source, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Ingests one entry; false when it is invalid and was skipped. */
    private boolean take(DueSource source, FeedReader.Entry entry) {
        URI link = link(source, entry.link());
        if (link == null) {
            log.debug("Source {}: skipped an entry without a usable link ({})", source.id(), entry.title());
            return false;
        }
        String text = cut(entry.text().isBlank() ? entry.title() : entry.text(), PostIngest.MAX_TEXT_LENGTH);
        Instant published = entry.publishedAt() != null ? entry.publishedAt() : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String externalId = entry.uri() != null && entry.uri().length() <= 1000 ? entry.uri() : null;
        String title = cut(entry.title(), 1000);
        try {
            ingest.submit(new PostSubmission(source.id().toString(), externalId, link.toString(), link.getHost(),
                    source.medium().name(), null, title, text, published, null));
            return true;
        } catch (InvalidRequestException e) {
            log.debug("Source {}: skipped invalid entry {}: {}", source.id(), link, e.getBody().getDetail());
            return false;
        }
    }

    /** The text cut to at most {@code max} characters, never inside a surrogate pair. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** The entry's link made absolute against the feed's URL; null when it is missing or not http(s). */
    private static URI link(DueSource source, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(source.url()).resolve(link.strip());
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
