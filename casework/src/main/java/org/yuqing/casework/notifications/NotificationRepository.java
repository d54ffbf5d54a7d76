package org.yuqing.casework.notifications;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.yuqing.casework.db.tables.records.NotificationRecord;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.yuqing.casework.db.Tables.NOTIFICATION;

/** The inbox table {@code casework.notification}. */
@Repository
class NotificationRepository {

    private final DSLContext db;
    private final Clock clock;

    NotificationRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void insert(Notice notice) {
        db.insertInto(NOTIFICATION)
                .set(NOTIFICATION.RECIPIENT_ROLE, notice.recipientRole())
                .set(NOTIFICATION.RECIPIENT_UNIT, notice.recipientUnit())
                .set(NOTIFICATION.CASE_ID, notice.caseId())
                .set(NOTIFICATION.TEXT, notice.text())
                .set(NOTIFICATION.CREATED_AT, at(clock.instant()))
                .execute();
    }

    /** Newest first, filtered by whichever of unit, role, case and unread are given. */
    List<Notification> list(String unit, String role, java.util.UUID caseId, boolean unreadOnly, int limit) {
        List<Condition> where = new ArrayList<>();
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
            where.add(NOTIFICATION.READ_AT.isNull());
        }
        return db.selectFrom(NOTIFICATION).where(DSL.and(where))
                .orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc())
                .limit(limit)
                .fetch(NotificationRepository::toNotification);
    }

    /** Marks it read now unless it was read before (the first reading time stays); empty for an unknown id. */
    Optional<Notification> markRead(long id) {
        db.update(NOTIFICATION).set(NOTIFICATION.READ_AT, at(clock.instant()))
                .where(NOTIFICATION.ID.eq(id)).and(NOTIFICATION.READ_AT.isNull())
                .execute();
        return db.selectFrom(NOTIFICATION).where(NOTIFICATION.ID.eq(id)).fetchOptional()
                .map(NotificationRepository::toNotification);
    }

    private static Notification toNotification(NotificationRecord r) {
        return new Notification(r.getId(), r.getRecipientRole(), r.getRecipientUnit(), r.getCaseId(), r.getText(),
                r.getCreatedAt().toInstant(), r.getReadAt() == null ? null : r.getReadAt().toInstant());
    }

    private static OffsetDateTime at(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
