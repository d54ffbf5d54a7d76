package org.yuqing.casework.notifications;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.yuqing.casework.db.Tables.NOTIFICATION;
import static org.yuqing.casework.db.Tables.NOTIFICATION_RECEIPT;

/** The inbox tables {@code casework.notification} and, per reader, {@code casework.notification_receipt}. */
@Repository
class NotificationRepository {

    private final DSLContext db;
    private final Clock clock;

    NotificationRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores a notice for the inbox; returns its id. */
    long insert(Notice notice) {
        return db.insertInto(NOTIFICATION)
                .set(NOTIFICATION.RECIPIENT_ROLE, notice.recipientRole())
                .set(NOTIFICATION.RECIPIENT_UNIT, notice.recipientUnit())
                .set(NOTIFICATION.CASE_ID, notice.caseId())
                .set(NOTIFICATION.TEXT, notice.text())
                .set(NOTIFICATION.RECIPIENT_LOGIN, notice.recipientLogin())
                .set(NOTIFICATION.CREATED_AT, at(clock.instant()))
                .returningResult(NOTIFICATION.ID)
                .fetchOne(NOTIFICATION.ID);
    }

    /**
     * A reader's inbox, newest first: the notices to the reader's units (other than those to one other person) and
     * those to the reader personally, with the reader's own reading time, further filtered by whichever of unit,
     * role, case and unread are given.
     */
    List<Notification> inbox(String reader, Collection<String> readerUnits, String unit, String role, UUID caseId,
                             boolean unreadOnly, int limit) {
        List<Condition> where = new ArrayList<>();
        where.add(NOTIFICATION.RECIPIENT_LOGIN.eq(reader).or(NOTIFICATION.RECIPIENT_LOGIN.isNull()
                .and(NOTIFICATION.RECIPIENT_UNIT.eq(DSL.any(readerUnits.toArray(String[]::new))))));
        if (unit != null) {
            where.add(NOTIFICATION.RECIPIENT_UNIT.eq(unit));
        }
        if (role != null) {
            where.add(NOTIFICATION.RECIPIENT_ROLE.eq(role));
        }
        if (caseId != null) {
            where.add(NOTIFICATION.CASE_ID.eq(caseId));
        }
        if (unreadOnly) {
            where.add(NOTIFICATION_RECEIPT.READ_AT.isNull());
        }
        return db.select(NOTIFICATION.fields()).select(NOTIFICATION_RECEIPT.READ_AT)
                .from(NOTIFICATION)
                .leftJoin(NOTIFICATION_RECEIPT).on(NOTIFICATION_RECEIPT.NOTIFICATION_ID.eq(NOTIFICATION.ID))
                .and(NOTIFICATION_RECEIPT.LOGIN.eq(reader))
                .where(DSL.and(where))
                .orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc())
                .limit(limit)
                .fetch(NotificationRepository::toNotification);
    }

    /** The unit a notice was sent to; empty for an unknown id. */
    Optional<String> recipientUnitOf(long id) {
        return db.select(NOTIFICATION.RECIPIENT_UNIT).from(NOTIFICATION).where(NOTIFICATION.ID.eq(id))
                .fetchOptional(NOTIFICATION.RECIPIENT_UNIT);
    }

    /** Whether {@code reader} may read a notice: it was sent to them, or to a role of one of {@code readerUnits}. */
    boolean isFor(long id, String reader, Collection<String> readerUnits) {
        return db.fetchExists(NOTIFICATION, NOTIFICATION.ID.eq(id).and(NOTIFICATION.RECIPIENT_LOGIN.eq(reader)
                .or(NOTIFICATION.RECIPIENT_LOGIN.isNull()
                        .and(NOTIFICATION.RECIPIENT_UNIT.eq(DSL.any(readerUnits.toArray(String[]::new)))))));
    }

    /**
     * Marks a notice read by a reader now, unless they read it before (their first reading time stays).
     *
     * @return the notice with the reader's reading time; empty for an unknown id
     */
    Optional<Notification> markRead(long id, String reader) {
        if (recipientUnitOf(id).isEmpty()) {
            return Optional.empty();
        }
        db.insertInto(NOTIFICATION_RECEIPT)
                .set(NOTIFICATION_RECEIPT.NOTIFICATION_ID, id)
                .set(NOTIFICATION_RECEIPT.LOGIN, reader)
                .set(NOTIFICATION_RECEIPT.READ_AT, at(clock.instant()))
                .onConflictDoNothing()
                .execute();
        return db.select(NOTIFICATION.fields()).select(NOTIFICATION_RECEIPT.READ_AT)
                .from(NOTIFICATION)
                .leftJoin(NOTIFICATION_RECEIPT).on(NOTIFICATION_RECEIPT.NOTIFICATION_ID.eq(NOTIFICATION.ID))
                .and(NOTIFICATION_RECEIPT.LOGIN.eq(reader))
                .where(NOTIFICATION.ID.eq(id))
                .fetchOptional(NotificationRepository::toNotification);
    }

    private static Notification toNotification(Record r) {
        OffsetDateTime readAt = r.get(NOTIFICATION_RECEIPT.READ_AT);
        return new Notification(r.get(NOTIFICATION.ID), r.get(NOTIFICATION.RECIPIENT_ROLE),
                r.get(NOTIFICATION.RECIPIENT_UNIT), r.get(NOTIFICATION.CASE_ID), r.get(NOTIFICATION.TEXT),
                r.get(NOTIFICATION.CREATED_AT).toInstant(), readAt == null ? null : readAt.toInstant(),
                r.get(NOTIFICATION.RECIPIENT_LOGIN));
    }

    private static OffsetDateTime at(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
