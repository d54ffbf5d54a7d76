package org.yuqing.casework.contacts;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.yuqing.casework.db.tables.records.ContactPersonRecord;
import org.yuqing.casework.db.tables.records.ContactRobotRecord;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static org.yuqing.casework.db.Tables.CONTACT_PERSON;
import static org.yuqing.casework.db.Tables.CONTACT_ROBOT;

/** The directory's tables {@code casework.contact_person} and {@code casework.contact_robot}. */
@Repository
class ContactRepository {

    private final DSLContext db;

    ContactRepository(DSLContext db) {
        this.db = db;
    }

    /** A person with who last changed the entry and when. */
    record StoredPerson(PersonContact person, String updatedBy, Instant updatedAt) {
    }

    /** A robot with who last changed the entry and when. */
    record StoredRobot(UnitRobot robot, String updatedBy, Instant updatedAt) {
    }

    Optional<StoredPerson> person(String login) {
        return db.selectFrom(CONTACT_PERSON).where(CONTACT_PERSON.LOGIN.eq(login)).fetchOptional(ContactRepository::person);
    }

    /** People with at least one unit in {@code scope}, optionally only those of {@code unit}, by login. */
    List<StoredPerson> people(Collection<String> scope, String unit) {
        Condition where = DSL.condition("{0} && {1}", CONTACT_PERSON.UNITS,
                DSL.val(scope.toArray(String[]::new), CONTACT_PERSON.UNITS.getDataType()));
        if (unit != null) {
            where = where.and(DSL.condition("{0} = any({1})", DSL.val(unit, CONTACT_PERSON.LOGIN.getDataType()), CONTACT_PERSON.UNITS));
        }
        return db.selectFrom(CONTACT_PERSON).where(where).orderBy(CONTACT_PERSON.LOGIN).fetch(ContactRepository::person);
    }

    /** People reached for notices to {@code role} of {@code unit}, by login. */
    List<PersonContact> reachedFor(String unit, String role) {
        return db.selectFrom(CONTACT_PERSON)
                .where(DSL.condition("{0} = any({1})", DSL.val(unit, CONTACT_PERSON.LOGIN.getDataType()), CONTACT_PERSON.UNITS))
                .and(DSL.condition("{0} = any({1})", DSL.val(role, CONTACT_PERSON.LOGIN.getDataType()), CONTACT_PERSON.ROLES))
                .orderBy(CONTACT_PERSON.LOGIN)
                .fetch(r -> person(r).person());
    }

    void savePerson(PersonContact p, String by, Instant at) {
        db.insertInto(CONTACT_PERSON)
                .set(CONTACT_PERSON.LOGIN, p.login())
                .set(personValues(p, by, at))
                .onConflict(CONTACT_PERSON.LOGIN).doUpdate()
                .set(personValues(p, by, at))
                .execute();
    }

    boolean deletePerson(String login) {
        return db.deleteFrom(CONTACT_PERSON).where(CONTACT_PERSON.LOGIN.eq(login)).execute() == 1;
    }

    /** Robots of the units in {@code scope}, optionally only {@code unit}'s, by unit and name. */
    List<StoredRobot> robots(Collection<String> scope, String unit) {
        Condition where = CONTACT_ROBOT.UNIT_ID.eq(DSL.any(scope.toArray(String[]::new)));
        if (unit != null) {
            where = where.and(CONTACT_ROBOT.UNIT_ID.eq(unit));
        }
        return db.selectFrom(CONTACT_ROBOT).where(where).orderBy(CONTACT_ROBOT.UNIT_ID, CONTACT_ROBOT.NAME)
                .fetch(ContactRepository::robot);
    }

    List<UnitRobot> robotsOf(String unit) {
        return db.selectFrom(CONTACT_ROBOT).where(CONTACT_ROBOT.UNIT_ID.eq(unit)).orderBy(CONTACT_ROBOT.NAME)
                .fetch(r -> robot(r).robot());
    }

    Optional<UnitRobot> robot(String unit, String name) {
        return db.selectFrom(CONTACT_ROBOT).where(CONTACT_ROBOT.UNIT_ID.eq(unit)).and(CONTACT_ROBOT.NAME.eq(name))
                .fetchOptional(r -> robot(r).robot());
    }

    /** Replaces a unit's robots by {@code robots}. */
    void replaceRobots(String unit, List<UnitRobot> robots, String by, Instant at) {
        db.deleteFrom(CONTACT_ROBOT).where(CONTACT_ROBOT.UNIT_ID.eq(unit)).execute();
        for (UnitRobot r : robots) {
            db.insertInto(CONTACT_ROBOT)
                    .set(CONTACT_ROBOT.UNIT_ID, unit)
                    .set(CONTACT_ROBOT.NAME, r.name())
                    .set(CONTACT_ROBOT.KIND, r.kind())
                    .set(CONTACT_ROBOT.WEBHOOK_URL, r.webhookUrl().toString())
                    .set(CONTACT_ROBOT.SECRET, r.secret())
                    .set(CONTACT_ROBOT.UPDATED_BY, by)
                    .set(CONTACT_ROBOT.UPDATED_AT, at(at))
                    .execute();
        }
    }

    private static java.util.Map<org.jooq.Field<?>, Object> personValues(PersonContact p, String by, Instant at) {
        java.util.Map<org.jooq.Field<?>, Object> values = new java.util.LinkedHashMap<>();
        values.put(CONTACT_PERSON.NAME, p.name());
        values.put(CONTACT_PERSON.UNITS, p.units().toArray(String[]::new));
        values.put(CONTACT_PERSON.ROLES, p.roles().toArray(String[]::new));
        values.put(CONTACT_PERSON.EMAIL, p.email());
        values.put(CONTACT_PERSON.MOBILE, p.mobile());
        values.put(CONTACT_PERSON.CHANNELS, p.channels().toArray(String[]::new));
        values.put(CONTACT_PERSON.UPDATED_BY, by);
        values.put(CONTACT_PERSON.UPDATED_AT, at(at));
        return values;
    }

    private static StoredPerson person(ContactPersonRecord r) {
        return new StoredPerson(new PersonContact(r.getLogin(), r.getName(), Arrays.asList(r.getUnits()),
                Arrays.asList(r.getRoles()), r.getEmail(), r.getMobile(), Arrays.asList(r.getChannels())),
                r.getUpdatedBy(), r.getUpdatedAt().toInstant());
    }

    private static StoredRobot robot(ContactRobotRecord r) {
        return new StoredRobot(new UnitRobot(r.getUnitId(), r.getName(), r.getKind(), URI.create(r.getWebhookUrl()),
                r.getSecret()), r.getUpdatedBy(), r.getUpdatedAt().toInstant());
    }

    private static OffsetDateTime at(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
