package org.yuqing.monitoring.incidents;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.events.IncidentDetected;
import org.yuqing.domain.events.IncidentMetricsChanged;
import org.yuqing.domain.events.IntegrationEvent;
import org.yuqing.events.Outbox;
import org.yuqing.monitoring.db.tables.records.IncidentRecord;
import org.yuqing.monitoring.matching.MatchedTopic;
import org.yuqing.monitoring.matching.TextNormalizer;
import org.yuqing.monitoring.web.NotFoundException;
import org.yuqing.security.Caller;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Clusters matched posts into incidents (舆情事件) and computes their heat.
 *
 * <p>A post matching a topic joins the topic's open incident whose posts were published within the
 * incident window (72 h by default) of it, else it opens a new incident titled from the post. The
 * incident change and its event ({@link IncidentDetected} for a new incident,
 * {@link IncidentMetricsChanged} when an existing one's heat changed) commit together through the
 * outbox. Submitting a post again updates its figures in the incidents that hold it, never adding
 * it twice. Posts are recorded in chunks ({@link #recordAll}: a bulk's posts in one transaction): the chunk locks all
 * its topics at once, in id order, and publishes each incident's event once for the whole chunk.
 *
 * <p>Near-duplicates (相似文本): every member post keeps the {@link SimHash} of its folded text. A matched post
 * within {@link SimHash#NEAR_DUPLICATE_DISTANCE} bits of a post already in an open incident of the same topic joins
 * that incident even when it was published outside the window (a repost days later is still the same incident), and
 * takes that post's statement key, so it counts as the same statement; {@link IncidentView#duplicates()} counts the
 * posts that joined an incident as near-duplicates of an earlier member.
 *
 * <p>Heat ({@link IncidentMetrics}): sums over the incident's posts, distinct sites, distinct
 * mainstream outlets and {@code maxSitesPerStatement}, the most distinct sites among posts carrying one statement:
 * equal normalised titles, or near-duplicate texts. The 24 h
 * figures count posts published in the 24 hours before now. The negative share is the share of posts containing a
 * word of the {@link NegativeLexicon} (judged when a post is recorded); {@link IncidentView#negative()} adds its trend
 * and the words that drove it. Flags are empty until rules set them.
 */
@Service
public class Incidents {

    private static final Duration DAY = Duration.ofHours(24);
    private static final int MAX_TITLE_LENGTH = 120;

    private final IncidentRepository repository;
    private final Outbox outbox;
    private final Clock clock;
    private final MainstreamSites mainstream;
    private final Duration window;
    private final NegativeLexicon lexicon;
    private final JsonMapper json;

    Incidents(IncidentRepository repository, Outbox outbox, Clock clock, IncidentProperties properties,
              NegativeLexicon lexicon, JsonMapper json) {
        this.lexicon = lexicon;
        this.json = json;
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
        this.mainstream = new MainstreamSites(properties.mainstreamSites());
        this.window = properties.incidentWindow();
    }

    /**
     * Adds a matched post to an incident of each topic it matched (or updates its figures where it
     * is already a member) and publishes the resulting events: {@link #recordAll} of this one post.
     *
     * @param post    the post
     * @param matches the topics it matched now; may be empty
     * @return every incident holding the post with its unit, including those of earlier submissions
     */
    @Transactional
    public List<Membership> record(PostFacts post, List<MatchedTopic> matches) {
        return recordAll(List.of(post), List.of(matches)).getFirst();
    }

    /**
     * Records a chunk of posts, in order, in the caller's transaction (or a new one): each post joins an incident of
     * each topic it matched, or updates its figures where it is already a member, exactly as {@link #record} of each in
     * turn would decide: the topic's incident already holding the post; else the open incident of the topic holding a
     * near-duplicate of its text; else the topic's open incident within the window; else a new incident. Posts later in
     * the chunk see the incidents opened and joined by earlier ones (also their first and last seen, widened as each post
     * joins).
     *
     * <p>Locks: every distinct topic of the whole chunk is locked at the start, in topic-id order, in one statement, and
     * nothing else of the incidents is locked outside those topics. Writers that all lock this way cannot deadlock on
     * topics, so a chunk may hold any number of matching posts, in any order of topics.
     *
     * <p>Events, published through the outbox in the same transaction (appended as it commits), once per chunk: an
     * {@link IncidentDetected} for each incident the chunk opened, with its heat and first seen at the end of the chunk;
     * an {@link IncidentMetricsChanged} for each existing incident the chunk touched whose heat at the end differs from
     * the heat its last event carried (none for an unchanged resubmission). Each incident keeps the heat of its last
     * event, so the heat before a chunk is never computed. An incident's first and last seen are
     * set exactly from its posts at the end (a post submitted again may have moved in time).
     *
     * <p>Cost: one statement to lock the topics; per post and matched topic one statement choosing the incident, one
     * writing the membership (plus one opening an incident, or one widening first/last seen when the post lies outside
     * them); then, for the whole chunk, one statement setting first/last seen (and reading the heat last published),
     * the heat after (two statements), one noting the heat published, the outbox's lock and one batch of events at the
     * commit, and one statement reading the memberships. No statement aggregates over an incident's posts per post.
     *
     * @param posts   the posts, in the order they were submitted; a post may appear more than once
     * @param matches the topics each post matched now (same size and order as {@code posts}); a list may be empty
     * @return per post (same order), every incident holding it with its unit, including those of earlier submissions,
     *         as at the end of the chunk
     * @throws IllegalArgumentException when the two lists differ in size
     */
    @Transactional
    public List<List<Membership>> recordAll(List<PostFacts> posts, List<List<MatchedTopic>> matches) {
        if (posts.size() != matches.size()) {
            throw new IllegalArgumentException("one list of matches per post: " + posts.size() + " posts, "
                    + matches.size() + " lists of matches");
        }
        if (posts.isEmpty()) {
            return List.of();
        }
        Instant now = now();
        Instant since = now.minus(DAY);
        Set<UUID> topicIds = new HashSet<>();
        matches.forEach(m -> m.forEach(match -> topicIds.add(match.topicId())));
        // all topics of the chunk, up front and in id order: no writer holds one while waiting for a lower one
        Map<UUID, String> units = repository.lockTopics(topicIds);
        Map<UUID, Touched> touched = new LinkedHashMap<>();
        Instant joinedAt = null;
        for (int i = 0; i < posts.size(); i++) {
            PostFacts post = posts.get(i);
            List<UUID> ordered = matches.get(i).stream().map(MatchedTopic::topicId).distinct()
                    .filter(units::containsKey).sorted().toList();
            if (ordered.isEmpty()) {
                continue;
            }
            // strictly increasing within the chunk, so "earliest joined" keeps meaning the order of submission
            Instant clockNow = now();
            joinedAt = joinedAt == null || clockNow.isAfter(joinedAt) ? clockNow : joinedAt.plus(1, ChronoUnit.MICROS);
            String outlet = mainstream.outletOf(post.site()).orElse(null);
            String ownKey = statementKey(post);
            long fingerprint = SimHash.of(post.text());
            // a text without a letter or digit has no fingerprint worth comparing
            Long simhash = fingerprint == 0 ? null : fingerprint;
            List<String> negativeWords = lexicon.hits(post.title(), post.text());
            for (UUID topicId : ordered) {
                // the same statement again joins its incident whenever it reappears; otherwise the time window decides
                Optional<IncidentRepository.Joining> joining = repository.joining(topicId, post.postId(), simhash,
                        post.publishedAt(), window);
                if (joining.isPresent()) {
                    IncidentRecord incident = joining.get().incident();
                    UUID id = incident.getId();
                    touched.computeIfAbsent(id, k -> Touched.existing(incident.getUnitId()));
                    String sameStatement = joining.get().sameStatement();
                    repository.upsertMember(new IncidentRepository.Member(id, post, outlet,
                            sameStatement != null ? sameStatement : ownKey, simhash, sameStatement != null,
                            negativeWords), joinedAt);
                    if (post.publishedAt().isBefore(incident.getFirstSeenAt().toInstant())
                            || post.publishedAt().isAfter(incident.getLastSeenAt().toInstant())) {
                        repository.widenSeen(id, post.publishedAt());
                    }
                } else {
                    UUID id = UUID.randomUUID();
                    String title = title(post);
                    String unit = units.get(topicId);
                    repository.insertIncident(id, topicId, unit, title, post.publishedAt(), joinedAt);
                    repository.upsertMember(new IncidentRepository.Member(id, post, outlet, ownKey, simhash, false,
                            negativeWords), joinedAt);
                    touched.put(id, Touched.opened(topicId, unit, title));
                }
            }
        }
        if (!touched.isEmpty()) {
            Map<UUID, IncidentRepository.Seen> seen = repository.refreshSeen(touched.keySet());
            Map<UUID, IncidentMetrics> after = repository.metrics(touched.keySet(), since);
            List<IntegrationEvent> events = new ArrayList<>();
            Map<UUID, String> published = new LinkedHashMap<>();
            touched.forEach((id, t) -> {
                IncidentMetrics metrics = after.get(id);
                if (t.opened()) {
                    events.add(new IncidentDetected(UUID.randomUUID(), now, id, t.topicId(), t.unitId(), t.title(),
                            seen.get(id).firstSeen(), metrics));
                    published.put(id, json.writeValueAsString(metrics));
                } else if (!metrics.equals(publishedHeat(seen.get(id).publishedHeat()))) {
                    events.add(new IncidentMetricsChanged(UUID.randomUUID(), now, id, t.unitId(), metrics));
                    published.put(id, json.writeValueAsString(metrics));
                }
            });
            repository.storePublishedHeat(published);
            // appended as the transaction commits: the outbox's lock is not held through the caller's remaining work
            outbox.publishAtCommit(events);
        }
        Map<UUID, List<Membership>> memberships = repository.incidentsOf(posts.stream().map(PostFacts::postId).toList());
        return posts.stream().map(p -> memberships.getOrDefault(p.postId(), List.of())).toList();
    }

    /** An incident a chunk touched: one it opened (with what its {@link IncidentDetected} names), or an existing one. */
    private record Touched(boolean opened, UUID topicId, String unitId, String title) {

        static Touched opened(UUID topicId, String unitId, String title) {
            return new Touched(true, topicId, unitId, title);
        }

        static Touched existing(String unitId) {
            return new Touched(false, null, unitId, null);
        }
    }

    /** The heat an incident's last event carried, or null when not known (events before it was kept). */
    private IncidentMetrics publishedHeat(String heat) {
        return heat == null ? null : json.readValue(heat, IncidentMetrics.class);
    }

    /**
     * @param postId a post
     * @return every incident holding the post with its unit, in the order it joined them
     */
    @Transactional(readOnly = true)
    public List<Membership> membershipsOf(UUID postId) {
        return repository.incidentsOf(postId);
    }

    /**
     * The incident with its heat now, as the caller may see it.
     *
     * @throws NotFoundException when there is no such incident
     * @throws org.yuqing.security.OutOfScopeException when it belongs to a unit outside the caller's scope (404)
     */
    @Transactional(readOnly = true)
    public IncidentView get(UUID id, Caller caller) {
        IncidentRecord r = repository.find(id).orElseThrow(() -> new NotFoundException("incident", id.toString()));
        caller.requireSees(r.getUnitId(), "incident " + id);
        Instant now = now();
        return view(r, metrics(r.getId(), now.minus(DAY)), repository.duplicates(List.of(id)).getOrDefault(id, 0),
                repository.negativeShares(List.of(id), now.minus(DAY)).get(id));
    }

    /**
     * @param ids    incident ids
     * @param caller who asks
     * @return those of {@code ids} that are incidents in the caller's unit scope
     */
    @Transactional(readOnly = true)
    public Set<UUID> visibleIds(Collection<UUID> ids, Caller caller) {
        return repository.idsOfUnits(ids, caller.unitScope());
    }

    /**
     * Incidents of the caller's unit scope, newest first, with their heat now.
     *
     * @param caller  who asks: only incidents of units in their scope are listed
     * @param unitId  only this unit's, or all the caller sees when null
     * @param topicId only this topic's, or all when null
     * @param limit   at most this many, ≥ 1
     */
    @Transactional(readOnly = true)
    public List<IncidentView> newest(Caller caller, String unitId, UUID topicId, int limit) {
        if (caller.unitScope().isEmpty()) {
            return List.of();
        }
        Instant now = now();
        List<IncidentRecord> records = repository.newest(caller.unitScope(), unitId, topicId, limit);
        List<UUID> ids = records.stream().map(IncidentRecord::getId).toList();
        Map<UUID, IncidentMetrics> metrics = repository.metrics(ids, now.minus(DAY));
        Map<UUID, Integer> duplicates = repository.duplicates(ids);
        Map<UUID, NegativeShare> negative = repository.negativeShares(ids, now.minus(DAY));
        return records.stream().map(r -> view(r, metrics.get(r.getId()), duplicates.getOrDefault(r.getId(), 0),
                negative.get(r.getId()))).toList();
    }

    private IncidentMetrics metrics(UUID incidentId, Instant since) {
        return repository.metrics(List.of(incidentId), since).get(incidentId);
    }

    private static IncidentView view(IncidentRecord r, IncidentMetrics metrics, int duplicates, NegativeShare negative) {
        return new IncidentView(r.getId(), r.getTopicId(), r.getUnitId(), r.getTitle(), IncidentState.valueOf(r.getState()),
                r.getFirstSeenAt().toInstant(), r.getLastSeenAt().toInstant(), r.getCreatedAt().toInstant(), metrics,
                duplicates, negative);
    }

    /**
     * Posts with equal keys carry the same statement: the title, normalised and without blanks or
     * punctuation. A post without a title stands for itself.
     */
    static String statementKey(PostFacts post) {
        String key = TextNormalizer.normalize(post.title()).codePoints()
                .filter(Character::isLetterOrDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return key.isEmpty() ? "post:" + post.postId() : key;
    }

    static String title(PostFacts post) {
        String t = post.title().isBlank() ? post.text().strip() : post.title().strip();
        t = t.replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            return post.site();
        }
        return t.codePointCount(0, t.length()) <= MAX_TITLE_LENGTH ? t
                : t.substring(0, t.offsetByCodePoints(0, MAX_TITLE_LENGTH)) + "…";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
