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
 * uses. An invalid entry (no link, no text) is skipped and counted; a broken feed records its
 * error on the source and is retried with exponential backoff.
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

    private void poll(DueSource source) {
        try {
            FeedFetcher.Fetched fetched = fetcher.fetch(source.url(), source.etag(), source.lastModified());
            if (fetched.notModified()) {
                sources.recordSuccess(source, fetched.etag(), fetched.lastModified(), null, null);
                return;
            }
            List<FeedReader.Entry> entries = FeedReader.read(fetched.body(), fetched.contentType());
            int ingested = 0;
            int skipped = 0;
            for (FeedReader.Entry entry : entries) {
                if (take(source, entry)) {
                    ingested++;
                } else {
                    skipped++;
                }
            }
            sources.recordSuccess(source, fetched.etag(), fetched.lastModified(), ingested, skipped);
            log.info("Polled source {}: {} entries ingested, {} skipped", source.id(), ingested, skipped);
        } catch (FeedUnavailableException e) {
            log.warn("Polling source {} failed: {}", source.id(), e.getMessage());
            sources.recordFailure(source, e.getMessage());
        } catch (RuntimeException e) {
            // Elasticsearch or the database failed mid-feed: the validators are not stored, so the
            // next poll fetches the whole feed again and re-ingests (harmlessly, post ids are URL-based).
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
        String text = entry.text().isBlank() ? entry.title() : entry.text();
        Instant published = entry.publishedAt() != null ? entry.publishedAt() : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String externalId = entry.uri() != null && entry.uri().length() <= 1000 ? entry.uri() : null;
        String title = entry.title().length() > 1000 ? entry.title().substring(0, 1000) : entry.title();
        try {
            ingest.submit(new PostSubmission(source.id().toString(), externalId, link.toString(), link.getHost(),
                    source.medium().name(), null, title, text, published, null));
            return true;
        } catch (InvalidRequestException e) {
            log.debug("Source {}: skipped invalid entry {}: {}", source.id(), link, e.getBody().getDetail());
            return false;
        }
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
