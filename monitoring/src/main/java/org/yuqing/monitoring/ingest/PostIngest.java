package org.yuqing.monitoring.ingest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuqing.monitoring.incidents.Incidents;
import org.yuqing.monitoring.incidents.Membership;
import org.yuqing.monitoring.incidents.PostFacts;
import org.yuqing.monitoring.matching.MatchedTopic;
import org.yuqing.monitoring.matching.TopicMatcher;
import org.yuqing.monitoring.search.Medium;
import org.yuqing.monitoring.search.PostDocument;
import org.yuqing.monitoring.web.InvalidRequestException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes in one collected post: validates it, matches it against the topics, records it in the
 * incidents of the topics it matched (with the incidents' events and the revision of this write, in one
 * transaction), then stores it in Elasticsearch under that revision, searchable when this returns. When
 * Elasticsearch is unavailable the post is queued durably in PostgreSQL and {@link PostIndexer} stores it once
 * Elasticsearch is back: the receipt says so ({@link PostReceipt#searchable()} false), the post is not lost. The
 * answer comes only after one or the other, so a post answered with success is always in one of the two.
 *
 * <p>The post's id is the name-based (type 3) UUID of its URL, so submitting the same URL again
 * updates the same post: its figures are replaced, it is not counted twice. A post that names both
 * its {@code sourceId} and {@code externalId} keeps the id it got at its first such submission, so
 * the same pair with a changed URL also updates the same post.
 *
 * <p>The stored post carries the owning units of the topics it matched and of the incidents holding it
 * ({@code unitIds}, cumulative over its submissions): search and reads show it to those units only, and a post that
 * matched no topic to nobody.
 *
 * <p>Every submission whose engagement figures differ from the post's latest snapshot (the first
 * submission included) appends a {@link MetricSnapshot}, in the transaction that records the
 * incidents and their events.
 */
@Service
public class PostIngest {

    static final int MAX_URL_LENGTH = 4096;
    /** The longest text a post may have, in characters. */
    public static final int MAX_TEXT_LENGTH = 200_000;
    static final int MAX_FIELD_LENGTH = 1_000;
    private static final Pattern DOMAIN = Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(\\.[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)*");

    private final TopicMatcher matcher;
    private final Incidents incidents;
    private final PostIndexer indexer;
    private final Clock clock;
    private final PostHistoryRepository history;
    private final TransactionTemplate transaction;

    PostIngest(TopicMatcher matcher, Incidents incidents, PostIndexer indexer, Clock clock, PostHistoryRepository history,
               PlatformTransactionManager transactions) {
        this.matcher = matcher;
        this.incidents = incidents;
        this.indexer = indexer;
        this.clock = clock;
        this.history = history;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The id a post with this URL has. */
    public static UUID postId(String url) {
        return UUID.nameUUIDFromBytes(url.strip().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Takes in the post.
     *
     * @return the receipt; {@link PostReceipt#searchable()} is false when Elasticsearch was unavailable and the post
     *         waits in the durable queue
     * @throws InvalidRequestException when a required field is missing or a value is invalid
     */
    public PostReceipt submit(PostSubmission s) {
        return submit(s, unit -> true);
    }

    /**
     * Takes in the post and answers with only the topics and incidents of the units {@code visible} accepts: ingest
     * is open to crawlers of any unit (the posts are public), the topics of other units are not.
     *
     * @param visible whether the submitter may see objects of a unit
     * @throws InvalidRequestException when a required field is missing or a value is invalid
     */
    PostReceipt submit(PostSubmission s, Predicate<String> visible) {
        Recorded recorded = record(s);
        boolean searchable = indexer.store(List.of(recorded.row()), Set.of(recorded.document().id()), true);
        return recorded.receipt(visible, searchable);
    }

    /**
     * The post's metric history, oldest first; empty for a post never submitted since history is kept.
     */
    public List<MetricSnapshot> snapshots(UUID postId) {
        return history.snapshots(postId);
    }

    /**
     * Locks the post the way a submission does, for the rest of the caller's transaction, and returns its latest
     * recorded figures (empty for a post without history). A job that records the post's incidents reads the figures
     * under the lock: a submission recorded before it is not undone with older figures, and one after it waits.
     */
    public Optional<PostDocument.Metrics> lockFigures(UUID postId) {
        history.lockAll(List.of(postId));
        return history.latest(postId);
    }

    /**
     * A post recorded in PostgreSQL, still to be stored in Elasticsearch ({@link PostIndexer#store}), with the topics it
     * matched now.
     *
     * @param submittedBefore whether the post had been submitted before this request (it may then be stored in
     *                        Elasticsearch under another publication month)
     * @param revision        the revision of this write of the post, its version in Elasticsearch
     */
    record Recorded(PostDocument document, List<MatchedTopic> matches, List<Membership> memberships,
                    boolean submittedBefore, long revision) {

        /** The document with its revision, to store. */
        IndexQueue.Row row() {
            return new IndexQueue.Row(document, revision);
        }

        /** The answer to the submitter, with only the topics and incidents of units {@code visible} accepts. */
        PostReceipt receipt(Predicate<String> visible, boolean searchable) {
            return new PostReceipt(document.id(),
                    matches.stream().filter(m -> visible.test(m.unitId())).map(MatchedTopic::topicId).toList(),
                    memberships.stream().filter(m -> visible.test(m.unitId())).map(Membership::incidentId).toList(),
                    searchable);
        }
    }

    /**
     * Validates the post, resolves its id, appends a snapshot when its figures changed, records it in
     * the incidents of the topics it matches and takes the revision of this write, all in one transaction; the post is
     * not stored for search yet ({@link PostIndexer#store} does that).
     *
     * @throws InvalidRequestException when a required field is missing or a value is invalid
     */
    Recorded record(PostSubmission s) {
        Prepared post = prepare(s);
        return transaction.execute(status -> recordNow(List.of(post))).getFirst();
    }

    /** A validated post with the topics it matches, not recorded yet. */
    record Prepared(PostSubmission submission, Valid post, List<MatchedTopic> matches) {
    }

    /**
     * Validates the post and matches it against the topics; touches no store.
     *
     * @throws InvalidRequestException when a required field is missing or a value is invalid
     */
    Prepared prepare(PostSubmission s) {
        Valid post = validate(s);
        return new Prepared(s, post, matcher.match(post.site(), post.medium().name(), post.title(), post.text()));
    }

    /**
     * Records the prepared posts like {@link #record}, in order, all in one transaction and with a few statements for
     * all of them rather than several per post (for bulks), matching posts or not: the incidents lock all the topics of
     * the chunk up front in id order ({@link Incidents#recordAll}), so concurrent chunks cannot deadlock on them.
     */
    List<Recorded> recordAll(List<Prepared> posts) {
        return transaction.execute(status -> recordNow(posts));
    }

    private List<Recorded> recordNow(List<Prepared> posts) {
        int n = posts.size();
        List<UUID> ids = new ArrayList<>(n);
        List<PostHistoryRepository.Figures> figures = new ArrayList<>(n);
        // posts known by source and external id keep the id of their first such submission: one lookup for all
        Map<PostHistoryRepository.SourceKey, UUID> candidates = new LinkedHashMap<>();
        for (Prepared prepared : posts) {
            PostHistoryRepository.SourceKey key = sourceKey(prepared.post());
            if (key != null) {
                candidates.putIfAbsent(key, postId(prepared.post().url()));
            }
        }
        Map<PostHistoryRepository.SourceKey, UUID> known = candidates.isEmpty() ? Map.of()
                : history.identifyAll(candidates, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        for (Prepared prepared : posts) {
            Valid post = prepared.post();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            PostHistoryRepository.SourceKey key = sourceKey(post);
            UUID id = key != null ? known.get(key) : postId(post.url());
            ids.add(id);
            figures.add(new PostHistoryRepository.Figures(id, now, post.metrics()));
        }
        history.lockAll(ids);
        // under the posts' locks: a later submission of a post takes higher revisions (later in one chunk, higher too)
        List<Long> revisions = indexer.revisions(n);
        // under the locks: a post without history was never recorded, so it is in no incident and in no index yet
        Set<UUID> before = history.submittedBefore(ids);
        history.appendAllIfChanged(figures);
        // the incidents of the whole chunk in one go (they lock all its topics up front, in id order); a post matching
        // nothing now and never recorded before has no incident to look up
        List<Integer> inIncidents = new ArrayList<>(n);
        List<PostFacts> facts = new ArrayList<>(n);
        List<List<MatchedTopic>> factMatches = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Valid post = posts.get(i).post();
            if (!posts.get(i).matches().isEmpty() || before.contains(ids.get(i))) {
                inIncidents.add(i);
                facts.add(new PostFacts(ids.get(i), post.site(), post.title(), post.text(), post.publishedAt(),
                        post.metrics().reads(), post.metrics().comments(), post.metrics().reposts(),
                        post.metrics().likes()));
                factMatches.add(posts.get(i).matches());
            }
        }
        List<List<Membership>> membershipsOfChunk = new ArrayList<>(Collections.nCopies(n, List.<Membership>of()));
        if (!facts.isEmpty()) {
            List<List<Membership>> found = incidents.recordAll(facts, factMatches);
            for (int k = 0; k < inIncidents.size(); k++) {
                membershipsOfChunk.set(inIncidents.get(k), found.get(k));
            }
        }
        List<PostDocument> documents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Prepared prepared = posts.get(i);
            PostSubmission s = prepared.submission();
            Valid post = prepared.post();
            List<MatchedTopic> matches = prepared.matches();
            UUID id = ids.get(i);
            Instant now = figures.get(i).at();
            List<Membership> memberships = membershipsOfChunk.get(i);
            List<UUID> topicIds = matches.stream().map(MatchedTopic::topicId).toList();
            List<UUID> incidentIds = memberships.stream().map(Membership::incidentId).toList();
            // the incidents keep every unit an earlier submission matched, so a post never drops out of a unit's view
            SortedSet<String> unitIds = new TreeSet<>();
            matches.forEach(m -> unitIds.add(m.unitId()));
            memberships.forEach(m -> unitIds.add(m.unitId()));
            PostDocument document = new PostDocument(id, s.sourceId(), s.externalId(), post.url(), post.site(),
                    post.medium().name(), s.author(), post.title(), post.text(), post.publishedAt(), now,
                    post.metrics(), topicIds, incidentIds, List.copyOf(unitIds));
            documents.add(document);
        }
        List<Recorded> recorded = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            recorded.add(new Recorded(documents.get(i), posts.get(i).matches(), membershipsOfChunk.get(i),
                    before.contains(ids.get(i)), revisions.get(i)));
        }
        return recorded;
    }

    private static PostHistoryRepository.SourceKey sourceKey(Valid post) {
        return post.sourceId() != null && post.externalId() != null
                ? new PostHistoryRepository.SourceKey(post.sourceId(), post.externalId()) : null;
    }

    record Valid(String sourceId, String externalId, String url, String site, Medium medium, String title, String text,
                         Instant publishedAt, PostDocument.Metrics metrics) {
    }

    private static Valid validate(PostSubmission s) {
        Map<String, String> errors = new LinkedHashMap<>();
        String url = s.url() == null ? "" : s.url().strip();
        if (url.isEmpty()) {
            errors.put("url", "is required");
        } else if (url.length() > MAX_URL_LENGTH) {
            errors.put("url", "is longer than " + MAX_URL_LENGTH + " characters");
        } else if (!isWebUrl(url)) {
            errors.put("url", "must be an absolute http or https URL");
        }
        String site = s.site() == null ? "" : s.site().strip().toLowerCase(Locale.ROOT);
        if (site.endsWith(".")) {
            site = site.substring(0, site.length() - 1);
        }
        if (site.isEmpty()) {
            errors.put("site", "is required");
        } else if (site.length() > 253 || !DOMAIN.matcher(site).matches()) {
            errors.put("site", "must be a domain name such as www.example.cn");
        }
        Medium medium = Medium.OTHER;
        if (s.mediaType() != null && !s.mediaType().isBlank()) {
            try {
                medium = Medium.valueOf(s.mediaType().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("mediaType", "must be one of " + List.of(Medium.values()));
            }
        }
        String text = s.text() == null ? "" : s.text();
        if (text.isBlank()) {
            errors.put("text", "is required");
        } else if (text.length() > MAX_TEXT_LENGTH) {
            errors.put("text", "is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        String title = s.title() == null ? "" : s.title().strip();
        if (title.length() > MAX_FIELD_LENGTH) {
            errors.put("title", "is longer than " + MAX_FIELD_LENGTH + " characters");
        }
        for (Map.Entry<String, String> optional : Map.of("author", nullToEmpty(s.author()),
                "sourceId", nullToEmpty(s.sourceId()), "externalId", nullToEmpty(s.externalId())).entrySet()) {
            if (optional.getValue().length() > MAX_FIELD_LENGTH) {
                errors.put(optional.getKey(), "is longer than " + MAX_FIELD_LENGTH + " characters");
            }
        }
        if (s.publishedAt() == null) {
            errors.put("publishedAt", "is required (ISO-8601 instant, e.g. 2026-11-21T08:30:00Z)");
        }
        PostSubmission.Metrics m = s.metrics() == null ? new PostSubmission.Metrics(null, null, null, null) : s.metrics();
        long reads = figure("metrics.reads", m.reads(), errors);
        long comments = figure("metrics.comments", m.comments(), errors);
        long reposts = figure("metrics.reposts", m.reposts(), errors);
        long likes = figure("metrics.likes", m.likes(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Valid(blankToNull(s.sourceId()), blankToNull(s.externalId()), url, site, medium, title, text, s.publishedAt().truncatedTo(ChronoUnit.MILLIS),
                new PostDocument.Metrics(reads, comments, reposts, likes));
    }

    private static long figure(String field, Long value, Map<String, String> errors) {
        if (value == null) {
            return 0;
        }
        if (value < 0) {
            errors.put(field, "must be 0 or more");
            return 0;
        }
        return value;
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
