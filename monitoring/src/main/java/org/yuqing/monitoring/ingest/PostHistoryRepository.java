package org.yuqing.monitoring.ingest;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.jooq.Table;
import org.yuqing.monitoring.db.tables.PostSnapshot;
import org.yuqing.monitoring.search.PostDocument;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.yuqing.monitoring.db.Tables.POST_IDENTITY;
import static org.yuqing.monitoring.db.Tables.POST_SNAPSHOT;

/** Post identities by source and the metric history, in {@code monitoring.post_identity} and {@code monitoring.post_snapshot}. */
@Repository
class PostHistoryRepository {

    private final DSLContext db;
    private final JdbcTemplate jdbc;

    PostHistoryRepository(DSLContext db, JdbcTemplate jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    /** A post's key at its source, for {@link #identifyAll}. */
    record SourceKey(String sourceId, String externalId) {
    }

    /**
     * The id of the post known by each source and external id; where none is known yet, its candidate becomes it
     * (of a key given twice, the first candidate wins). Safe under concurrent first submissions: the first to commit
     * wins. Two statements for all keys.
     *
     * @param candidates the candidate id of each key, in submission order
     * @return the id of each key
     */
    Map<SourceKey, UUID> identifyAll(Map<SourceKey, UUID> candidates, Instant now) {
        if (candidates.isEmpty()) {
            return Map.of();
        }
        var insert = db.insertInto(POST_IDENTITY, POST_IDENTITY.SOURCE_ID, POST_IDENTITY.EXTERNAL_ID,
                POST_IDENTITY.POST_ID, POST_IDENTITY.CREATED_AT);
        // in one order, so two bulks inserting overlapping keys wait for each other rather than deadlock
        List<Map.Entry<SourceKey, UUID>> ordered = candidates.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(SourceKey::sourceId)
                        .thenComparing(SourceKey::externalId)))
                .toList();
        for (Map.Entry<SourceKey, UUID> candidate : ordered) {
            insert = insert.values(candidate.getKey().sourceId(), candidate.getKey().externalId(), candidate.getValue(),
                    utc(now));
        }
        insert.onConflictDoNothing().execute();
        Map<SourceKey, UUID> ids = new HashMap<>();
        db.select(POST_IDENTITY.SOURCE_ID, POST_IDENTITY.EXTERNAL_ID, POST_IDENTITY.POST_ID).from(POST_IDENTITY)
                .where(DSL.row(POST_IDENTITY.SOURCE_ID, POST_IDENTITY.EXTERNAL_ID).in(candidates.keySet().stream()
                        .map(k -> DSL.row(k.sourceId(), k.externalId())).toList()))
                .forEach(r -> ids.put(new SourceKey(r.value1(), r.value2()), r.value3()));
        return ids;
    }

    /**
     * Serialises the histories of these posts for the rest of the transaction, in one statement; the locks are taken
     * in one order, so two transactions locking overlapping sets cannot deadlock.
     */
    void lockAll(Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return;
        }
        String[] keys = postIds.stream().map(UUID::toString).distinct().sorted().toArray(String[]::new);
        // JDBC, not jOOQ, for the statements every chunk of a bulk runs: rendering cost more than running them
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(k, 0)) from (select k from unnest(?::text[]) as u(k) "
                + "order by k) as ordered", ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", keys)),
                (ResultSet rs) -> { });
    }

    /** Which of these posts have a history: were submitted before (since history is kept). */
    Set<UUID> submittedBefore(Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return Set.of();
        }
        Set<UUID> before = new HashSet<>();
        jdbc.query("select distinct post_id from monitoring.post_snapshot where post_id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", postIds.toArray())),
                (ResultSet rs) -> {
                    before.add(rs.getObject(1, UUID.class));
                });
        return before;
    }

    /** A submission's figures, for {@link #appendAllIfChanged}. */
    record Figures(UUID postId, Instant at, PostDocument.Metrics metrics) {
    }

    /**
     * Like {@link #appendIfChanged} for each, in order (a post twice is compared with its figures just before), in
     * one statement whatever the number of posts; call after {@link #lockAll}.
     */
    void appendAllIfChanged(List<Figures> figures) {
        if (figures.size() == 1) {
            Figures f = figures.getFirst();
            appendIfChanged(f.postId(), f.at(), f.metrics());
            return;
        }
        // a post's first figures here are compared with its latest snapshot in the database, its later ones with the
        // figures before them in this list (the statement does not see the rows it inserts itself)
        Map<UUID, PostDocument.Metrics> previous = new HashMap<>();
        List<Figures> rows = new ArrayList<>(figures.size());
        List<Boolean> compare = new ArrayList<>(figures.size());
        for (Figures f : figures) {
            PostDocument.Metrics before = previous.put(f.postId(), f.metrics());
            if (before == null || !before.equals(f.metrics())) {
                rows.add(f);
                compare.add(before == null);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into monitoring.post_snapshot (post_id, at, reads, comments, reposts, likes)
                select f.post_id, f.at, f.reads, f.comments, f.reposts, f.likes
                from unnest(?::uuid[], ?::timestamptz[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                            ?::boolean[]) with ordinality as f(post_id, at, reads, comments, reposts, likes, compare, ord)
                where not (f.compare and exists (
                    select 1 from (select s.reads, s.comments, s.reposts, s.likes from monitoring.post_snapshot s
                                   where s.post_id = f.post_id order by s.at desc, s.id desc limit 1) latest
                    where (latest.reads, latest.comments, latest.reposts, latest.likes)
                        = (f.reads, f.comments, f.reposts, f.likes)))
                order by f.ord""", ps -> {
            java.sql.Connection c = ps.getConnection();
            ps.setArray(1, c.createArrayOf("uuid", rows.stream().map(Figures::postId).toArray()));
            // ISO-8601 instants, which PostgreSQL reads as timestamptz exactly
            ps.setArray(2, c.createArrayOf("text", rows.stream().map(f -> f.at().toString()).toArray()));
            ps.setArray(3, c.createArrayOf("int8", rows.stream().map(f -> f.metrics().reads()).toArray()));
            ps.setArray(4, c.createArrayOf("int8", rows.stream().map(f -> f.metrics().comments()).toArray()));
            ps.setArray(5, c.createArrayOf("int8", rows.stream().map(f -> f.metrics().reposts()).toArray()));
            ps.setArray(6, c.createArrayOf("int8", rows.stream().map(f -> f.metrics().likes()).toArray()));
            ps.setArray(7, c.createArrayOf("bool", compare.toArray()));
        });
    }

    /**
     * Appends a snapshot unless the post's latest one has the same figures; one statement, so call it
     * after {@link #lockAll} for concurrent submissions of one post.
     *
     * @return whether a snapshot was appended
     */
    boolean appendIfChanged(UUID postId, Instant at, PostDocument.Metrics m) {
        return appendQuery(postId, at, m).execute() == 1;
    }

    private Query appendQuery(UUID postId, Instant at, PostDocument.Metrics m) {
        PostSnapshot s = POST_SNAPSHOT.as("latest");
        Table<?> latest = DSL.select(s.READS, s.COMMENTS, s.REPOSTS, s.LIKES).from(s)
                .where(s.POST_ID.eq(postId))
                .orderBy(s.AT.desc(), s.ID.desc())
                .limit(1)
                .asTable("latest");
        return db.insertInto(POST_SNAPSHOT, POST_SNAPSHOT.POST_ID, POST_SNAPSHOT.AT, POST_SNAPSHOT.READS,
                        POST_SNAPSHOT.COMMENTS, POST_SNAPSHOT.REPOSTS, POST_SNAPSHOT.LIKES)
                .select(DSL.select(DSL.val(postId, POST_SNAPSHOT.POST_ID), DSL.val(utc(at), POST_SNAPSHOT.AT),
                                DSL.val(m.reads(), POST_SNAPSHOT.READS), DSL.val(m.comments(), POST_SNAPSHOT.COMMENTS),
                                DSL.val(m.reposts(), POST_SNAPSHOT.REPOSTS), DSL.val(m.likes(), POST_SNAPSHOT.LIKES))
                        .whereNotExists(DSL.selectOne().from(latest)
                                .where(latest.field(s.READS).eq(m.reads()))
                                .and(latest.field(s.COMMENTS).eq(m.comments()))
                                .and(latest.field(s.REPOSTS).eq(m.reposts()))
                                .and(latest.field(s.LIKES).eq(m.likes()))));
    }

    /** The post's latest figures, if it has a history. */
    Optional<PostDocument.Metrics> latest(UUID postId) {
        return jdbc.query("select reads, comments, reposts, likes from monitoring.post_snapshot where post_id = ? "
                        + "order by at desc, id desc limit 1",
                (rs, n) -> new PostDocument.Metrics(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), postId)
                .stream().findFirst();
    }

    /** The post's snapshots, oldest first. */
    List<MetricSnapshot> snapshots(UUID postId) {
        return db.selectFrom(POST_SNAPSHOT).where(POST_SNAPSHOT.POST_ID.eq(postId))
                .orderBy(POST_SNAPSHOT.AT.asc(), POST_SNAPSHOT.ID.asc())
                .fetch(r -> new MetricSnapshot(r.getAt().toInstant(), r.getReads(), r.getComments(), r.getReposts(), r.getLikes()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
