package org.yuqing.monitoring.topics;

import org.jooq.DSLContext;
import org.jooq.Record2;
import org.springframework.stereotype.Repository;
import org.yuqing.monitoring.db.tables.records.TopicRecord;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.yuqing.monitoring.db.Tables.INCIDENT;
import static org.yuqing.monitoring.db.Tables.TOPIC;

/** Topics in table {@code monitoring.topic}. */
@Repository
class TopicRepository {

    private final DSLContext db;

    TopicRepository(DSLContext db) {
        this.db = db;
    }

    void insert(Topic t) {
        TopicRecord r = db.newRecord(TOPIC);
        fill(r, t);
        r.setId(t.id());
        r.setCreatedBy(t.createdBy());
        r.setCreatedAt(utc(t.createdAt()));
        r.insert();
    }

    boolean update(Topic t) {
        return db.update(TOPIC)
                .set(TOPIC.NAME, t.name())
                .set(TOPIC.UNIT_ID, t.unitId())
                .set(TOPIC.REGION_WORDS, array(t.regionWords()))
                .set(TOPIC.SUBJECT_WORDS, array(t.subjectWords()))
                .set(TOPIC.EVENT_WORDS, array(t.eventWords()))
                .set(TOPIC.EXCLUDE_WORDS, array(t.excludeWords()))
                .set(TOPIC.EXPRESSION, t.expression())
                .set(TOPIC.SITES, array(t.sites()))
                .set(TOPIC.MEDIA_TYPES, array(t.mediaTypes()))
                .set(TOPIC.ENABLED, t.enabled())
                .set(TOPIC.UPDATED_BY, t.updatedBy())
                .set(TOPIC.UPDATED_AT, utc(t.updatedAt()))
                .where(TOPIC.ID.eq(t.id()))
                .execute() == 1;
    }

    Optional<Topic> find(UUID id) {
        return db.selectFrom(TOPIC).where(TOPIC.ID.eq(id)).fetchOptional(TopicRepository::toTopic);
    }

    /** Locks the topic's row until the transaction ends; empty if there is no such topic. */
    Optional<Topic> lock(UUID id) {
        return db.selectFrom(TOPIC).where(TOPIC.ID.eq(id)).forUpdate().fetchOptional(TopicRepository::toTopic);
    }

    List<Topic> all() {
        return db.selectFrom(TOPIC).orderBy(TOPIC.CREATED_AT, TOPIC.ID).fetch(TopicRepository::toTopic);
    }

    /** The topics of these units, oldest first. */
    List<Topic> ofUnits(Collection<String> unitIds) {
        return db.selectFrom(TOPIC).where(TOPIC.UNIT_ID.in(unitIds))
                .orderBy(TOPIC.CREATED_AT, TOPIC.ID).fetch(TopicRepository::toTopic);
    }

    /** Those of {@code ids} that are topics of these units. */
    Set<UUID> idsOfUnits(Collection<UUID> ids, Collection<String> unitIds) {
        if (ids.isEmpty() || unitIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(db.select(TOPIC.ID).from(TOPIC).where(TOPIC.ID.in(ids)).and(TOPIC.UNIT_ID.in(unitIds))
                .fetch(TOPIC.ID));
    }

    /** Whether an incident refers to the topic. */
    boolean hasIncidents(UUID id) {
        return db.fetchExists(INCIDENT, INCIDENT.TOPIC_ID.eq(id));
    }

    boolean delete(UUID id) {
        return db.deleteFrom(TOPIC).where(TOPIC.ID.eq(id)).execute() == 1;
    }

    /** Changes whenever a topic is added or changed: the count and the latest change. */
    String version() {
        Record2<Integer, OffsetDateTime> r = db.select(org.jooq.impl.DSL.count(), org.jooq.impl.DSL.max(TOPIC.UPDATED_AT))
                .from(TOPIC).fetchOne();
        return r == null ? "0" : r.value1() + "@" + r.value2();
    }

    private static void fill(TopicRecord r, Topic t) {
        r.setName(t.name());
        r.setUnitId(t.unitId());
        r.setRegionWords(array(t.regionWords()));
        r.setSubjectWords(array(t.subjectWords()));
        r.setEventWords(array(t.eventWords()));
        r.setExcludeWords(array(t.excludeWords()));
        r.setExpression(t.expression());
        r.setSites(array(t.sites()));
        r.setMediaTypes(array(t.mediaTypes()));
        r.setEnabled(t.enabled());
        r.setUpdatedBy(t.updatedBy());
        r.setUpdatedAt(utc(t.updatedAt()));
    }

    private static Topic toTopic(TopicRecord r) {
        return new Topic(r.getId(), r.getName(), r.getUnitId(), list(r.getRegionWords()), list(r.getSubjectWords()),
                list(r.getEventWords()), list(r.getExcludeWords()), r.getExpression(), list(r.getSites()),
                list(r.getMediaTypes()), r.getEnabled(), r.getCreatedBy(), r.getCreatedAt().toInstant(),
                r.getUpdatedBy(), r.getUpdatedAt().toInstant());
    }

    private static String[] array(List<String> words) {
        return words.toArray(String[]::new);
    }

    private static List<String> list(String[] words) {
        return words == null ? List.of() : Arrays.asList(words);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
