package org.yuqing.monitoring.incidents;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.stereotype.Repository;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.monitoring.db.tables.records.IncidentRecord;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.yuqing.monitoring.db.Tables.INCIDENT;
import static org.yuqing.monitoring.db.Tables.INCIDENT_POST;

/** Incidents and their posts in tables {@code monitoring.incident} and {@code monitoring.incident_post}. */
@Repository
class IncidentRepository {

    /** One post as a member of an incident; {@code simhash} is null for a text without letters or digits. */
    record Member(UUID incidentId, PostFacts post, String mainstreamOutlet, String statementKey, Long simhash,
                  boolean nearDuplicate, List<String> negativeWords) {
    }

    /**
     * The incident a post of a topic joins: see {@link #joining}.
     *
     * @param incident      the incident, as it is now in this transaction
     * @param sameStatement the statement key of the incident's earliest-joined other post whose text is a
     *                      near-duplicate of the post's, or null when none is
     */
    record Joining(IncidentRecord incident, String sameStatement) {
    }

    /** A member post that contains a word of the negative lexicon. */
    private static final Condition NEGATIVE = DSL.condition("cardinality({0}) > 0", INCIDENT_POST.NEGATIVE_WORDS);

    private final DSLContext db;
    private final JdbcTemplate jdbc;

    IncidentRepository(DSLContext db, JdbcTemplate jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    /**
     * Locks the rows of these topics for this transaction in one statement, in id order (PostgreSQL locks the rows as
     * the sorted scan returns them): writers that all lock their topics this way, up front, cannot deadlock on them.
     *
     * @return the unit of each of the topics that exists
     */
    Map<UUID, String> lockTopics(Collection<UUID> topicIds) {
        Map<UUID, String> units = new HashMap<>();
        if (topicIds.isEmpty()) {
            return units;
        }
        jdbc.query("select id, unit_id from monitoring.topic where id = any(?) order by id for update",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", topicIds.toArray())),
                (ResultSet rs) -> {
                    units.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return units;
    }

    /**
     * The incident of the topic a post joins, in one statement, first of: the topic's incident that already holds the
     * post; else the open incident of the topic holding the earliest-joined post whose SimHash is within
     * {@link SimHash#NEAR_DUPLICATE_DISTANCE} bits of {@code simhash} (of the most recently active incident when several
     * hold one); else the topic's open incident with posts published within {@code window} of {@code publishedAt},
     * latest first. With it, the statement key of its earliest-joined near-duplicate of the post, if any.
     *
     * @param simhash the post's SimHash, or null for a text without a fingerprint (then only the first and last rules
     *                apply)
     * @return empty when the post opens a new incident
     */
    Optional<Joining> joining(UUID topicId, UUID postId, Long simhash, Instant publishedAt, Duration window) {
        // JDBC, not jOOQ: this runs for every matching post, and rendering even jOOQ's plain SQL cost more than the query
        Object[] parameters = simhash == null
                ? new Object[]{topicId, postId, utc(publishedAt.minus(window)), utc(publishedAt.plus(window))}
                : new Object[]{topicId, postId, utc(publishedAt.minus(window)), utc(publishedAt.plus(window)), simhash,
                               band(simhash, 0), band(simhash, 1), band(simhash, 2), band(simhash, 3)};
        Positional query = simhash == null ? JOINING_WITHOUT_FINGERPRINT : JOINING;
        return jdbc.query(query.sql(), query.setter(parameters), (ResultSet rs) -> rs.next()
                ? Optional.of(new Joining(incident(rs), rs.getString("same_statement"))) : Optional.<Joining>empty());
    }

    /** The columns of an incident that {@link #incident(ResultSet)} reads (not the heat last published). */
    private static final String INCIDENT_COLUMNS =
            "i.id, i.topic_id, i.unit_id, i.title, i.state, i.first_seen_at, i.last_seen_at, i.created_at";

    private static IncidentRecord incident(ResultSet rs) throws SQLException {
        IncidentRecord r = new IncidentRecord();
        r.setId(rs.getObject("id", UUID.class));
        r.setTopicId(rs.getObject("topic_id", UUID.class));
        r.setUnitId(rs.getString("unit_id"));
        r.setTitle(rs.getString("title"));
        r.setState(rs.getString("state"));
        r.setFirstSeenAt(rs.getObject("first_seen_at", OffsetDateTime.class));
        r.setLastSeenAt(rs.getObject("last_seen_at", OffsetDateTime.class));
        r.setCreatedAt(rs.getObject("created_at", OffsetDateTime.class));
        r.changed(false);
        return r;
    }

    /**
     * A statement written with jOOQ's numbered placeholders ({@code {0}}, a number possibly used more than once) as a
     * JDBC statement: the placeholders become {@code ?} once, at class initialisation, and each execution only binds.
     */
    record Positional(String sql, int[] order) {

        private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

        static Positional of(String template) {
            Matcher m = PLACEHOLDER.matcher(template);
            List<Integer> order = new ArrayList<>();
            StringBuilder sql = new StringBuilder();
            while (m.find()) {
                order.add(Integer.parseInt(m.group(1)));
                m.appendReplacement(sql, "?");
            }
            m.appendTail(sql);
            return new Positional(sql.toString(), order.stream().mapToInt(Integer::intValue).toArray());
        }

        /** Binds {@code parameters[n]} wherever {@code {n}} stood; a null binds as SQL null of the type the SQL casts to. */
        PreparedStatementSetter setter(Object... parameters) {
            return ps -> {
                for (int i = 0; i < order.length; i++) {
                    Object value = parameters[order[i]];
                    if (value == null) {
                        ps.setNull(i + 1, Types.OTHER);
                    } else if (value instanceof String[] array) {
                        ps.setArray(i + 1, ps.getConnection().createArrayOf("text", array));
                    } else {
                        ps.setObject(i + 1, value);
                    }
                }
            };
        }
    }

    /**
     * Parameters: topic, post, earliest last seen, latest first seen, SimHash and its four 16-bit quarters; see
     * {@link #joining}. A near-duplicate shares at least one quarter with the post (V13__simhash_bands.sql), so the
     * indexed quarters find the candidates and only they are compared bit by bit.
     */
    private static final Positional JOINING = Positional.of("""
            select %2$s, (select m.statement_key from monitoring.incident_post m
                         where m.incident_id = i.id and m.post_id <> {1} and m.simhash is not null
                           and bit_count((m.simhash # {4})::bit(64)) <= %1$d
                         order by m.joined_at, m.post_id limit 1) as same_statement
            from monitoring.incident i
            where i.id = coalesce(
                (select h.id from monitoring.incident h join monitoring.incident_post hp on hp.incident_id = h.id
                 where h.topic_id = {0} and hp.post_id = {1} limit 1),
                (select sp.incident_id from monitoring.incident_post sp
                 join monitoring.incident si on si.id = sp.incident_id
                 where si.topic_id = {0} and si.state = 'OPEN' and sp.post_id <> {1} and sp.simhash is not null
                   and (sp.simhash_band0 = {5} or sp.simhash_band1 = {6} or sp.simhash_band2 = {7}
                        or sp.simhash_band3 = {8})
                   and bit_count((sp.simhash # {4})::bit(64)) <= %1$d
                 order by si.last_seen_at desc, sp.joined_at, sp.post_id limit 1),
                (select o.id from monitoring.incident o
                 where o.topic_id = {0} and o.state = 'OPEN' and o.last_seen_at >= {2} and o.first_seen_at <= {3}
                 order by o.last_seen_at desc limit 1))"""
            .formatted(SimHash.NEAR_DUPLICATE_DISTANCE, INCIDENT_COLUMNS));

    /** Quarter {@code k} (0 = lowest bits) of a fingerprint, as the generated {@code simhash_band<k>} columns hold it. */
    static int band(long simhash, int k) {
        return (int) ((simhash >>> (16 * k)) & 0xFFFF);
    }

    /** {@link #JOINING} for a post without a fingerprint: no near-duplicates and no SimHash parameter. */
    private static final Positional JOINING_WITHOUT_FINGERPRINT = Positional.of("""
            select %s, cast(null as text) as same_statement
            from monitoring.incident i
            where i.id = coalesce(
                (select h.id from monitoring.incident h join monitoring.incident_post hp on hp.incident_id = h.id
                 where h.topic_id = {0} and hp.post_id = {1} limit 1),
                (select o.id from monitoring.incident o
                 where o.topic_id = {0} and o.state = 'OPEN' and o.last_seen_at >= {2} and o.first_seen_at <= {3}
                 order by o.last_seen_at desc limit 1))""".formatted(INCIDENT_COLUMNS));

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

    /** Opens an incident whose first and last seen are {@code publishedAt}, created at {@code now}. */
    IncidentRecord insertIncident(UUID id, UUID topicId, String unitId, String title, Instant publishedAt, Instant now) {
        IncidentRecord r = new IncidentRecord();
        r.setId(id);
        r.setTopicId(topicId);
        r.setUnitId(unitId);
        r.setTitle(title);
        r.setState(IncidentState.OPEN.name());
        r.setFirstSeenAt(utc(publishedAt));
        r.setLastSeenAt(utc(publishedAt));
        r.setCreatedAt(utc(now));
        jdbc.update("insert into monitoring.incident (id, topic_id, unit_id, title, state, first_seen_at, last_seen_at, "
                        + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", id, topicId, unitId, title, r.getState(),
                r.getFirstSeenAt(), r.getLastSeenAt(), r.getCreatedAt());
        r.changed(false);
        return r;
    }

    /**
     * Adds the post to the incident, joined at {@code now}, or, if it is there already, replaces its figures (keeping
     * when it joined).
     */
    void upsertMember(Member m, Instant now) {
        PostFacts p = m.post();
        // JDBC, not jOOQ: this runs for every matching post, and rendering even jOOQ's plain SQL cost more than the statement
        jdbc.update(UPSERT_MEMBER.sql(), UPSERT_MEMBER.setter(m.incidentId(), p.postId(), p.site(), m.mainstreamOutlet(),
                m.mainstreamOutlet() != null, m.statementKey(), p.reads(), p.comments(), p.reposts(), p.likes(),
                utc(p.publishedAt()), m.simhash(), m.nearDuplicate(), m.negativeWords().toArray(String[]::new), utc(now)));
    }

    private static final Positional UPSERT_MEMBER = Positional.of("""
            insert into monitoring.incident_post (incident_id, post_id, site, mainstream_outlet, mainstream,
                statement_key, reads, comments, reposts, likes, published_at, simhash, near_duplicate,
                negative_words, joined_at, updated_at)
            values ({0}, {1}, {2}, {3}::text, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}::bigint, {12}, {13}, {14}, {14})
            on conflict (incident_id, post_id) do update set site = excluded.site,
                mainstream_outlet = excluded.mainstream_outlet, mainstream = excluded.mainstream,
                statement_key = excluded.statement_key, reads = excluded.reads, comments = excluded.comments,
                reposts = excluded.reposts, likes = excluded.likes, published_at = excluded.published_at,
                simhash = excluded.simhash, near_duplicate = excluded.near_duplicate,
                negative_words = excluded.negative_words, updated_at = excluded.updated_at""");

    /**
     * Widens the incident's first and last seen to take in a post published at {@code publishedAt}, in O(1): enough for
     * the window of later posts of the same transaction; {@link #refreshSeen} sets them exactly once they are recorded.
     */
    void widenSeen(UUID incidentId, Instant publishedAt) {
        jdbc.update("update monitoring.incident set first_seen_at = least(first_seen_at, ?), "
                + "last_seen_at = greatest(last_seen_at, ?) where id = ?", utc(publishedAt), utc(publishedAt), incidentId);
    }

    /**
     * An incident's first seen as {@link #refreshSeen} set it, and the heat its last event carried (JSON, see
     * {@link #storePublishedHeat}), or null when none is stored.
     */
    record Seen(Instant firstSeen, String publishedHeat) {
    }

    /**
     * Sets first and last seen of these incidents from their posts (a post submitted again may have moved in time), in
     * one statement.
     *
     * @return per incident that has posts, its first seen and the heat its last event carried
     */
    Map<UUID, Seen> refreshSeen(Collection<UUID> incidentIds) {
        Map<UUID, Seen> seen = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return seen;
        }
        jdbc.query("""
                update monitoring.incident i set first_seen_at = s.first_published_at, last_seen_at = s.last_published_at
                from (select incident_id, min(published_at) as first_published_at, max(published_at) as last_published_at
                      from monitoring.incident_post where incident_id = any(?) group by incident_id) s
                where i.id = s.incident_id
                returning i.id, i.first_seen_at, i.published_heat::text""",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", incidentIds.toArray())),
                (ResultSet rs) -> {
                    seen.put(rs.getObject(1, UUID.class),
                            new Seen(rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)));
                });
        return seen;
    }

    /** Notes the heat (JSON) each of these incidents' events carried now, in one statement. */
    void storePublishedHeat(Map<UUID, String> heat) {
        if (heat.isEmpty()) {
            return;
        }
        jdbc.update("""
                update monitoring.incident i set published_heat = h.heat::jsonb
                from unnest(?::uuid[], ?::text[]) as h(id, heat) where i.id = h.id""", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", heat.keySet().toArray()));
            ps.setArray(2, ps.getConnection().createArrayOf("text", heat.values().toArray()));
        });
    }

    /** Every incident holding the post with its unit, in the order it joined them. */
    List<Membership> incidentsOf(UUID postId) {
        return incidentsOf(List.of(postId)).getOrDefault(postId, List.of());
    }

    /**
     * Per post, every incident holding it with its unit, in the order it joined them, in one statement; posts in no
     * incident are left out.
     */
    Map<UUID, List<Membership>> incidentsOf(Collection<UUID> postIds) {
        Map<UUID, List<Membership>> result = new HashMap<>();
        if (postIds.isEmpty()) {
            return result;
        }
        jdbc.query("""
                select p.post_id, p.incident_id, i.unit_id from monitoring.incident_post p
                join monitoring.incident i on i.id = p.incident_id
                where p.post_id = any(?) order by p.post_id, p.joined_at, p.incident_id""",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", Set.copyOf(postIds).toArray())),
                (ResultSet rs) -> {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Membership(rs.getObject(2, UUID.class), rs.getString(3)));
                });
        return result;
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
        // JDBC, not jOOQ: this runs for every chunk of a bulk; the most sites of one statement is computed per incident
        // in the database, not returned per statement (an incident may hold thousands)
        jdbc.query(METRICS, ps -> {
            ps.setObject(1, utc(since));
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", incidentIds.toArray()));
        }, (ResultSet rs) -> {
            while (rs.next()) {
                long volume = rs.getLong("volume");
                result.put(rs.getObject("incident_id", UUID.class), new IncidentMetrics(
                        volume, rs.getLong("reads"), rs.getLong("comments"), rs.getLong("reposts"),
                        rs.getInt("sites"), rs.getInt("outlets"), rs.getInt("max_sites_per_statement"),
                        rs.getLong("volume_24h"), rs.getLong("reads_24h"), rs.getLong("comments_24h"),
                        rs.getLong("reposts_24h"), NegativeShare.ratio(rs.getLong("negative"), volume), Set.of()));
            }
            return null;
        });
        incidentIds.forEach(id -> result.putIfAbsent(id, IncidentMetrics.empty()));
        return result;
    }

    /** Parameters: the start of the last 24 hours, the incidents. */
    private static final String METRICS = """
            with recent as (select cast(? as timestamptz) as since)
            select p.incident_id, count(*) as volume, coalesce(sum(p.reads), 0) as reads,
                coalesce(sum(p.comments), 0) as comments, coalesce(sum(p.reposts), 0) as reposts,
                count(distinct p.site) as sites, count(distinct p.mainstream_outlet) as outlets,
                count(*) filter (where p.published_at >= r.since) as volume_24h,
                coalesce(sum(p.reads) filter (where p.published_at >= r.since), 0) as reads_24h,
                coalesce(sum(p.comments) filter (where p.published_at >= r.since), 0) as comments_24h,
                coalesce(sum(p.reposts) filter (where p.published_at >= r.since), 0) as reposts_24h,
                count(*) filter (where cardinality(p.negative_words) > 0) as negative,
                (select max(per_statement.sites) from (select count(distinct s.site) as sites
                    from monitoring.incident_post s where s.incident_id = p.incident_id
                    group by s.statement_key) per_statement) as max_sites_per_statement
            from monitoring.incident_post p cross join recent r
            where p.incident_id = any(?)
            group by p.incident_id""";

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
                    List<NegativeShare.WordCount> list = words.computeIfAbsent(r.value1(), k -> new ArrayList<>());
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

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
