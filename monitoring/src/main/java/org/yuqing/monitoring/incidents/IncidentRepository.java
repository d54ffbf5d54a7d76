package org.yuqing.monitoring.incidents;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.monitoring.db.tables.records.IncidentRecord;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.yuqing.monitoring.db.Tables.INCIDENT;
import static org.yuqing.monitoring.db.Tables.INCIDENT_POST;
import static org.yuqing.monitoring.db.Tables.TOPIC;

/** Incidents and their posts in tables {@code monitoring.incident} and {@code monitoring.incident_post}. */
@Repository
class IncidentRepository {

    /** One post as a member of an incident; {@code simhash} is null for a text without letters or digits. */
    record Member(UUID incidentId, PostFacts post, String mainstreamOutlet, String statementKey, Long simhash,
                  boolean nearDuplicate, List<String> negativeWords) {
    }

    /** A member post of an open incident whose text is a near-duplicate of another's. */
    record NearDuplicate(UUID incidentId, String statementKey) {
    }

    /** A member post that contains a word of the negative lexicon. */
    private static final Condition NEGATIVE = DSL.condition("cardinality({0}) > 0", INCIDENT_POST.NEGATIVE_WORDS);

    private final DSLContext db;

    IncidentRepository(DSLContext db) {
        this.db = db;
    }

    /** Locks the topic's row for this transaction and returns its unit, or empty if it does not exist. */
    Optional<String> lockTopic(UUID topicId) {
        return db.select(TOPIC.UNIT_ID).from(TOPIC).where(TOPIC.ID.eq(topicId)).forUpdate().fetchOptional(TOPIC.UNIT_ID);
    }

    /** The topic's incident that already holds the post, if any. */
    Optional<IncidentRecord> incidentHolding(UUID topicId, UUID postId) {
        return db.select(INCIDENT.fields()).from(INCIDENT)
                .join(INCIDENT_POST).on(INCIDENT_POST.INCIDENT_ID.eq(INCIDENT.ID))
                .where(INCIDENT.TOPIC_ID.eq(topicId).and(INCIDENT_POST.POST_ID.eq(postId)))
                .limit(1)
                .fetchOptionalInto(INCIDENT);
    }

    /** The topic's open incident with posts published within {@code window} of {@code publishedAt}, latest first. */
    Optional<IncidentRecord> openIncidentNear(UUID topicId, Instant publishedAt, Duration window) {
        return db.selectFrom(INCIDENT)
                .where(INCIDENT.TOPIC_ID.eq(topicId))
                .and(INCIDENT.STATE.eq(IncidentState.OPEN.name()))
                .and(INCIDENT.LAST_SEEN_AT.ge(utc(publishedAt.minus(window))))
                .and(INCIDENT.FIRST_SEEN_AT.le(utc(publishedAt.plus(window))))
                .orderBy(INCIDENT.LAST_SEEN_AT.desc())
                .limit(1)
                .fetchOptional();
    }

    /**
     * The earliest-joined post of an open incident of the topic whose SimHash is within
     * {@link SimHash#NEAR_DUPLICATE_DISTANCE} bits of {@code simhash}, other than the post itself; of the most
     * recently active incident when several hold one.
     */
    Optional<NearDuplicate> nearDuplicateInTopic(UUID topicId, UUID postId, long simhash) {
        return db.select(INCIDENT_POST.INCIDENT_ID, INCIDENT_POST.STATEMENT_KEY).from(INCIDENT_POST)
                .join(INCIDENT).on(INCIDENT.ID.eq(INCIDENT_POST.INCIDENT_ID))
                .where(INCIDENT.TOPIC_ID.eq(topicId))
                .and(INCIDENT.STATE.eq(IncidentState.OPEN.name()))
                .and(INCIDENT_POST.POST_ID.ne(postId))
                .and(near(simhash))
                .orderBy(INCIDENT.LAST_SEEN_AT.desc(), INCIDENT_POST.JOINED_AT, INCIDENT_POST.POST_ID)
                .limit(1)
                .fetchOptional(r -> new NearDuplicate(r.value1(), r.value2()));
    }

    /** The statement key of the earliest-joined other post of the incident that is a near-duplicate of this one. */
    Optional<String> nearDuplicateInIncident(UUID incidentId, UUID postId, long simhash) {
        return db.select(INCIDENT_POST.STATEMENT_KEY).from(INCIDENT_POST)
                .where(INCIDENT_POST.INCIDENT_ID.eq(incidentId))
                .and(INCIDENT_POST.POST_ID.ne(postId))
                .and(near(simhash))
                .orderBy(INCIDENT_POST.JOINED_AT, INCIDENT_POST.POST_ID)
                .limit(1)
                .fetchOptional(INCIDENT_POST.STATEMENT_KEY);
    }

    private static Condition near(long simhash) {
        return INCIDENT_POST.SIMHASH.isNotNull().and(DSL.condition("bit_count(({0} # {1})::bit(64)) <= {2}",
                INCIDENT_POST.SIMHASH, DSL.val(simhash, INCIDENT_POST.SIMHASH), DSL.inline(SimHash.NEAR_DUPLICATE_DISTANCE)));
    }

    /** Per incident, how many of its posts joined as near-duplicates of an earlier member. */
    Map<UUID, Integer> duplicates(Collection<UUID> incidentIds) {
        Map<UUID, Integer> result = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return result;
        }
        Field<Integer> count = DSL.count().filterWhere(INCIDENT_POST.NEAR_DUPLICATE);
        db.select(INCIDENT_POST.INCIDENT_ID, count).from(INCIDENT_POST)
                .where(INCIDENT_POST.INCIDENT_ID.in(incidentIds))
                .groupBy(INCIDENT_POST.INCIDENT_ID)
                .forEach(r -> result.put(r.value1(), r.value2()));
        return result;
    }

    IncidentRecord insertIncident(UUID id, UUID topicId, String unitId, String title, Instant publishedAt, Instant now) {
        IncidentRecord r = db.newRecord(INCIDENT);
        r.setId(id);
        r.setTopicId(topicId);
        r.setUnitId(unitId);
        r.setTitle(title);
        r.setState(IncidentState.OPEN.name());
        r.setFirstSeenAt(utc(publishedAt));
        r.setLastSeenAt(utc(publishedAt));
        r.setCreatedAt(utc(now));
        r.insert();
        return r;
    }

    /** Adds the post to the incident or, if it is there already, replaces its figures. */
    void upsertMember(Member m, Instant now) {
        PostFacts p = m.post();
        db.insertInto(INCIDENT_POST)
                .set(INCIDENT_POST.INCIDENT_ID, m.incidentId())
                .set(INCIDENT_POST.POST_ID, p.postId())
                .set(INCIDENT_POST.SITE, p.site())
                .set(INCIDENT_POST.MAINSTREAM_OUTLET, m.mainstreamOutlet())
                .set(INCIDENT_POST.MAINSTREAM, m.mainstreamOutlet() != null)
                .set(INCIDENT_POST.STATEMENT_KEY, m.statementKey())
                .set(INCIDENT_POST.READS, p.reads())
                .set(INCIDENT_POST.COMMENTS, p.comments())
                .set(INCIDENT_POST.REPOSTS, p.reposts())
                .set(INCIDENT_POST.LIKES, p.likes())
                .set(INCIDENT_POST.PUBLISHED_AT, utc(p.publishedAt()))
                .set(INCIDENT_POST.SIMHASH, m.simhash())
                .set(INCIDENT_POST.NEAR_DUPLICATE, m.nearDuplicate())
                .set(INCIDENT_POST.NEGATIVE_WORDS, m.negativeWords().toArray(String[]::new))
                .set(INCIDENT_POST.JOINED_AT, utc(now))
                .set(INCIDENT_POST.UPDATED_AT, utc(now))
                .onConflict(INCIDENT_POST.INCIDENT_ID, INCIDENT_POST.POST_ID)
                .doUpdate()
                .set(INCIDENT_POST.SITE, p.site())
                .set(INCIDENT_POST.MAINSTREAM_OUTLET, m.mainstreamOutlet())
                .set(INCIDENT_POST.MAINSTREAM, m.mainstreamOutlet() != null)
                .set(INCIDENT_POST.STATEMENT_KEY, m.statementKey())
                .set(INCIDENT_POST.READS, p.reads())
                .set(INCIDENT_POST.COMMENTS, p.comments())
                .set(INCIDENT_POST.REPOSTS, p.reposts())
                .set(INCIDENT_POST.LIKES, p.likes())
                .set(INCIDENT_POST.PUBLISHED_AT, utc(p.publishedAt()))
                .set(INCIDENT_POST.SIMHASH, m.simhash())
                .set(INCIDENT_POST.NEAR_DUPLICATE, m.nearDuplicate())
                .set(INCIDENT_POST.NEGATIVE_WORDS, m.negativeWords().toArray(String[]::new))
                .set(INCIDENT_POST.UPDATED_AT, utc(now))
                .execute();
    }

    /** Sets first and last seen from the incident's posts. */
    void refreshSeen(UUID incidentId) {
        db.update(INCIDENT)
                .set(INCIDENT.FIRST_SEEN_AT, DSL.select(DSL.min(INCIDENT_POST.PUBLISHED_AT)).from(INCIDENT_POST)
                        .where(INCIDENT_POST.INCIDENT_ID.eq(incidentId)))
                .set(INCIDENT.LAST_SEEN_AT, DSL.select(DSL.max(INCIDENT_POST.PUBLISHED_AT)).from(INCIDENT_POST)
                        .where(INCIDENT_POST.INCIDENT_ID.eq(incidentId)))
                .where(INCIDENT.ID.eq(incidentId))
                .execute();
    }

    /** Every incident holding the post with its unit, in the order it joined them. */
    List<Membership> incidentsOf(UUID postId) {
        return db.select(INCIDENT_POST.INCIDENT_ID, INCIDENT.UNIT_ID).from(INCIDENT_POST)
                .join(INCIDENT).on(INCIDENT.ID.eq(INCIDENT_POST.INCIDENT_ID))
                .where(INCIDENT_POST.POST_ID.eq(postId))
                .orderBy(INCIDENT_POST.JOINED_AT, INCIDENT_POST.INCIDENT_ID)
                .fetch(r -> new Membership(r.value1(), r.value2()));
    }

    /** Those of {@code ids} that are incidents of these units. */
    Set<UUID> idsOfUnits(Collection<UUID> ids, Collection<String> unitIds) {
        if (ids.isEmpty() || unitIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(db.select(INCIDENT.ID).from(INCIDENT).where(INCIDENT.ID.in(ids))
                .and(INCIDENT.UNIT_ID.in(unitIds)).fetch(INCIDENT.ID));
    }

    Optional<IncidentRecord> find(UUID id) {
        return db.selectFrom(INCIDENT).where(INCIDENT.ID.eq(id)).fetchOptional();
    }

    /** Incidents of the units in {@code scope}, newest first, optionally of one unit and/or topic. */
    List<IncidentRecord> newest(Collection<String> scope, String unitId, UUID topicId, int limit) {
        Condition c = INCIDENT.UNIT_ID.in(scope);
        if (unitId != null) {
            c = c.and(INCIDENT.UNIT_ID.eq(unitId));
        }
        if (topicId != null) {
            c = c.and(INCIDENT.TOPIC_ID.eq(topicId));
        }
        return db.selectFrom(INCIDENT).where(c).orderBy(INCIDENT.CREATED_AT.desc(), INCIDENT.ID).limit(limit).fetch();
    }

    /**
     * The heat of each incident now; the 24 h figures count posts published at or after
     * {@code since}. Incidents without posts get {@link IncidentMetrics#empty()}.
     */
    Map<UUID, IncidentMetrics> metrics(Collection<UUID> incidentIds, Instant since) {
        Map<UUID, IncidentMetrics> result = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return result;
        }
        var p = INCIDENT_POST;
        Condition recent = p.PUBLISHED_AT.ge(utc(since));
        Field<Integer> volume = DSL.count();
        Field<BigDecimal> reads = DSL.sum(p.READS);
        Field<BigDecimal> comments = DSL.sum(p.COMMENTS);
        Field<BigDecimal> reposts = DSL.sum(p.REPOSTS);
        Field<Integer> sites = DSL.countDistinct(p.SITE);
        Field<Integer> outlets = DSL.countDistinct(p.MAINSTREAM_OUTLET);
        Field<Integer> volume24h = DSL.count().filterWhere(recent);
        Field<BigDecimal> reads24h = DSL.sum(p.READS).filterWhere(recent);
        Field<BigDecimal> comments24h = DSL.sum(p.COMMENTS).filterWhere(recent);
        Field<BigDecimal> reposts24h = DSL.sum(p.REPOSTS).filterWhere(recent);
        Field<Integer> negative = DSL.count().filterWhere(NEGATIVE);
        Map<UUID, Integer> maxSitesPerStatement = maxSitesPerStatement(incidentIds);
        for (Record r : db.select(p.INCIDENT_ID, volume, reads, comments, reposts, sites, outlets,
                        volume24h, reads24h, comments24h, reposts24h, negative)
                .from(p).where(p.INCIDENT_ID.in(incidentIds)).groupBy(p.INCIDENT_ID).fetch()) {
            UUID id = r.get(p.INCIDENT_ID);
            result.put(id, new IncidentMetrics(
                    r.get(volume), number(r.get(reads)), number(r.get(comments)), number(r.get(reposts)),
                    r.get(sites), r.get(outlets), maxSitesPerStatement.getOrDefault(id, 0),
                    r.get(volume24h), number(r.get(reads24h)), number(r.get(comments24h)), number(r.get(reposts24h)),
                    NegativeShare.ratio(r.get(negative), r.get(volume)), Set.of()));
        }
        incidentIds.forEach(id -> result.putIfAbsent(id, IncidentMetrics.empty()));
        return result;
    }

    /**
     * The negative share of each incident now, with its trend and words; the last 24 hours are those at or after
     * {@code since}, the 24 hours before them those at or after {@code since - 24 h}.
     */
    Map<UUID, NegativeShare> negativeShares(Collection<UUID> incidentIds, Instant since) {
        Map<UUID, NegativeShare> result = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return result;
        }
        var p = INCIDENT_POST;
        Condition recent = p.PUBLISHED_AT.ge(utc(since));
        Condition previous = p.PUBLISHED_AT.ge(utc(since.minus(Duration.ofHours(24)))).and(p.PUBLISHED_AT.lt(utc(since)));
        Field<Integer> posts = DSL.count();
        Field<Integer> negative = DSL.count().filterWhere(NEGATIVE);
        Field<Integer> posts24h = DSL.count().filterWhere(recent);
        Field<Integer> negative24h = DSL.count().filterWhere(recent.and(NEGATIVE));
        Field<Integer> postsPrevious = DSL.count().filterWhere(previous);
        Field<Integer> negativePrevious = DSL.count().filterWhere(previous.and(NEGATIVE));
        Map<UUID, List<NegativeShare.WordCount>> words = new HashMap<>();
        Field<String> word = DSL.field("w", String.class);
        Field<Integer> count = DSL.count();
        db.select(p.INCIDENT_ID, word, count)
                .from(p, DSL.lateral(DSL.table("unnest({0})", p.NEGATIVE_WORDS)).as("u", "w"))
                .where(p.INCIDENT_ID.in(incidentIds))
                .groupBy(p.INCIDENT_ID, word)
                .orderBy(p.INCIDENT_ID, count.desc(), word)
                .forEach(r -> {
                    List<NegativeShare.WordCount> list = words.computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>());
                    if (list.size() < NegativeShare.TOP_WORDS) {
                        list.add(new NegativeShare.WordCount(r.value2(), r.value3()));
                    }
                });
        db.select(p.INCIDENT_ID, posts, negative, posts24h, negative24h, postsPrevious, negativePrevious).from(p)
                .where(p.INCIDENT_ID.in(incidentIds)).groupBy(p.INCIDENT_ID)
                .forEach(r -> result.put(r.value1(), NegativeShare.of(r.value3(), r.value2(), r.value5(), r.value4(),
                        r.value7(), r.value6(), words.getOrDefault(r.value1(), List.of()))));
        incidentIds.forEach(id -> result.putIfAbsent(id, NegativeShare.none()));
        return result;
    }

    /** Per incident, the most distinct sites that carried one statement (posts with the same statement key). */
    private Map<UUID, Integer> maxSitesPerStatement(Collection<UUID> incidentIds) {
        var p = INCIDENT_POST;
        Field<Integer> sites = DSL.countDistinct(p.SITE);
        Map<UUID, Integer> max = new HashMap<>();
        db.select(p.INCIDENT_ID, sites).from(p)
                .where(p.INCIDENT_ID.in(incidentIds))
                .groupBy(p.INCIDENT_ID, p.STATEMENT_KEY)
                .forEach(r -> max.merge(r.get(p.INCIDENT_ID), r.get(sites), Math::max));
        return max;
    }

    private static long number(BigDecimal sum) {
        return sum == null ? 0 : sum.longValueExact();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
