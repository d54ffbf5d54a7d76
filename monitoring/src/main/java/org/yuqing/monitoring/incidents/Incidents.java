package org.yuqing.monitoring.incidents;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.events.IncidentDetected;
import org.yuqing.domain.events.IncidentMetricsChanged;
import org.yuqing.events.Outbox;
import org.yuqing.monitoring.db.tables.records.IncidentRecord;
import org.yuqing.monitoring.matching.MatchedTopic;
import org.yuqing.monitoring.matching.TextNormalizer;
import org.yuqing.monitoring.web.NotFoundException;
import org.yuqing.security.Caller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
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
 * it twice.
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

    Incidents(IncidentRepository repository, Outbox outbox, Clock clock, IncidentProperties properties,
              NegativeLexicon lexicon) {
        this.lexicon = lexicon;
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
        this.mainstream = new MainstreamSites(properties.mainstreamSites());
        this.window = properties.incidentWindow();
    }

    /**
     * Adds a matched post to an incident of each topic it matched (or updates its figures where it
     * is already a member) and publishes the resulting events.
     *
     * @param post    the post
     * @param matches the topics it matched now; may be empty
     * @return every incident holding the post with its unit, including those of earlier submissions
     */
    @Transactional
    public List<Membership> record(PostFacts post, List<MatchedTopic> matches) {
        Instant now = now();
        String outlet = mainstream.outletOf(post.site()).orElse(null);
        String ownKey = statementKey(post);
        // a text without a letter or digit has no fingerprint worth comparing
        Long simhash = SimHash.of(post.text()) == 0 ? null : SimHash.of(post.text());
        List<String> negativeWords = matches.isEmpty() ? List.of() : lexicon.hits(post.title(), post.text());
        // topics are locked one at a time in id order, so concurrent posts cannot deadlock
        List<MatchedTopic> ordered = matches.stream().distinct().sorted(Comparator.comparing(MatchedTopic::topicId)).toList();
        for (MatchedTopic match : ordered) {
            Optional<String> unit = repository.lockTopic(match.topicId());
            if (unit.isEmpty()) {
                continue;
            }
            Optional<IncidentRecord> joining = repository.incidentHolding(match.topicId(), post.postId());
            if (joining.isEmpty()) {
                // the same statement again joins its incident whenever it reappears; otherwise the time window decides
                joining = Optional.ofNullable(simhash)
                        .flatMap(h -> repository.nearDuplicateInTopic(match.topicId(), post.postId(), h))
                        .flatMap(d -> repository.find(d.incidentId()))
                        .or(() -> repository.openIncidentNear(match.topicId(), post.publishedAt(), window));
            }
            if (joining.isPresent()) {
                IncidentRecord incident = joining.get();
                IncidentMetrics before = metrics(incident.getId(), now);
                Optional<String> sameStatement = Optional.ofNullable(simhash)
                        .flatMap(h -> repository.nearDuplicateInIncident(incident.getId(), post.postId(), h));
                repository.upsertMember(new IncidentRepository.Member(incident.getId(), post, outlet,
                        sameStatement.orElse(ownKey), simhash, sameStatement.isPresent(), negativeWords), now);
                repository.refreshSeen(incident.getId());
                IncidentMetrics after = metrics(incident.getId(), now);
                if (!after.equals(before)) {
                    outbox.publish(new IncidentMetricsChanged(UUID.randomUUID(), now, incident.getId(),
                            incident.getUnitId(), after));
                }
            } else {
                UUID id = UUID.randomUUID();
                String title = title(post);
                repository.insertIncident(id, match.topicId(), unit.get(), title, post.publishedAt(), now);
                repository.upsertMember(new IncidentRepository.Member(id, post, outlet, ownKey, simhash, false, negativeWords), now);
                outbox.publish(new IncidentDetected(UUID.randomUUID(), now, id, match.topicId(), unit.get(), title,
                        post.publishedAt(), metrics(id, now)));
            }
        }
        return repository.incidentsOf(post.postId());
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
        return view(r, metrics(r.getId(), now), repository.duplicates(List.of(id)).getOrDefault(id, 0),
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

    private IncidentMetrics metrics(UUID incidentId, Instant now) {
        return repository.metrics(List.of(incidentId), now.minus(DAY)).get(incidentId);
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
