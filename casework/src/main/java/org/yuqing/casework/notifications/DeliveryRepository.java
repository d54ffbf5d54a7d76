package org.yuqing.casework.notifications;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.yuqing.casework.db.Tables.NOTIFICATION;
import static org.yuqing.casework.db.Tables.NOTIFICATION_DELIVERY;
import static org.yuqing.casework.db.Tables.NOTIFICATION_DELIVERY_ATTEMPT;

/** The delivery log {@code casework.notification_delivery}, read with the notice's text. */
@Repository
class DeliveryRepository {

    private final DSLContext db;

    DeliveryRepository(DSLContext db) {
        this.db = db;
    }

    /** The idempotency key of a notice's delivery to a recipient on a channel: the same however often it is planned. */
    static UUID idempotencyKey(long notificationId, String channel, String recipient) {
        return UUID.nameUUIDFromBytes(("yuqing-notification:" + notificationId + ":" + channel + ":" + recipient)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Plans a delivery, due now; {@code false} when this notice already has it. */
    boolean plan(long notificationId, UUID caseId, String unitId, String channel, String recipient, String address,
                 Instant now) {
        return db.insertInto(NOTIFICATION_DELIVERY)
                .set(NOTIFICATION_DELIVERY.NOTIFICATION_ID, notificationId)
                .set(NOTIFICATION_DELIVERY.IDEMPOTENCY_KEY, idempotencyKey(notificationId, channel, recipient))
                .set(NOTIFICATION_DELIVERY.CASE_ID, caseId)
                .set(NOTIFICATION_DELIVERY.UNIT_ID, unitId)
                .set(NOTIFICATION_DELIVERY.CHANNEL, channel)
                .set(NOTIFICATION_DELIVERY.RECIPIENT, recipient)
                .set(NOTIFICATION_DELIVERY.ADDRESS, address)
                .set(NOTIFICATION_DELIVERY.STATUS, Delivery.PENDING)
                .set(NOTIFICATION_DELIVERY.ATTEMPTS, 0)
                .set(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT, at(now))
                .set(NOTIFICATION_DELIVERY.CREATED_AT, at(now))
                .onConflictDoNothing()
                .execute() == 1;
    }

    /**
     * Attempts that began before {@code startedBefore} and never ended (the service stopped mid-send): those on
     * {@code resendable} channels (whose receiver drops a repeated idempotency key) go back to PENDING, the others
     * become FAILED with an unknown outcome, so nothing is sent twice. Returns how many were found.
     */
    int recoverInterrupted(Instant startedBefore, Collection<String> resendable, Instant now) {
        logAttempts(NOTIFICATION_DELIVERY.STATUS.eq(Delivery.SENDING)
                .and(NOTIFICATION_DELIVERY.SENDING_SINCE.lt(at(startedBefore))), now, "INTERRUPTED", "发送中断（服务重启）");
        int resent = db.update(NOTIFICATION_DELIVERY)
                .set(NOTIFICATION_DELIVERY.STATUS, Delivery.PENDING)
                .set(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT, at(now))
                .set(NOTIFICATION_DELIVERY.SENDING_SINCE, (OffsetDateTime) null)
                .set(NOTIFICATION_DELIVERY.LAST_ERROR, "发送中断（服务重启）：以相同幂等键重发，接收方去重")
                .where(NOTIFICATION_DELIVERY.STATUS.eq(Delivery.SENDING))
                .and(NOTIFICATION_DELIVERY.SENDING_SINCE.lt(at(startedBefore)))
                .and(NOTIFICATION_DELIVERY.CHANNEL.in(resendable))
                .execute();
        int failed = db.update(NOTIFICATION_DELIVERY)
                .set(NOTIFICATION_DELIVERY.STATUS, Delivery.FAILED)
                .set(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT, (OffsetDateTime) null)
                .set(NOTIFICATION_DELIVERY.SENDING_SINCE, (OffsetDateTime) null)
                .set(NOTIFICATION_DELIVERY.LAST_ERROR, "发送中断（服务重启），结果未知：为免重复不自动重发；如未收到请手动重试")
                .where(NOTIFICATION_DELIVERY.STATUS.eq(Delivery.SENDING))
                .and(NOTIFICATION_DELIVERY.SENDING_SINCE.lt(at(startedBefore)))
                .execute();
        return resent + failed;
    }

    /**
     * Claims up to {@code limit} deliveries due at {@code now} for this dispatcher: they become SENDING with one more
     * attempt counted; another replica skips them. Call inside a transaction that commits before sending.
     */
    List<Long> claim(Instant now, int limit) {
        List<Long> ids = db.select(NOTIFICATION_DELIVERY.ID).from(NOTIFICATION_DELIVERY)
                .where(NOTIFICATION_DELIVERY.STATUS.eq(Delivery.PENDING))
                .and(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT.le(at(now)))
                .orderBy(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT, NOTIFICATION_DELIVERY.ID)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(NOTIFICATION_DELIVERY.ID);
        if (!ids.isEmpty()) {
            db.update(NOTIFICATION_DELIVERY)
                    .set(NOTIFICATION_DELIVERY.STATUS, Delivery.SENDING)
                    .set(NOTIFICATION_DELIVERY.SENDING_SINCE, at(now))
                    .set(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT, (OffsetDateTime) null)
                    .set(NOTIFICATION_DELIVERY.ATTEMPTS, NOTIFICATION_DELIVERY.ATTEMPTS.plus(1))
                    .where(NOTIFICATION_DELIVERY.ID.in(ids))
                    .execute();
        }
        return ids;
    }

    void sent(long id, Instant now) {
        logAttempts(NOTIFICATION_DELIVERY.ID.eq(id).and(NOTIFICATION_DELIVERY.STATUS.eq(Delivery.SENDING)), now,
                Delivery.SENT, null);
        db.update(NOTIFICATION_DELIVERY)
                .set(NOTIFICATION_DELIVERY.STATUS, Delivery.SENT)
                .set(NOTIFICATION_DELIVERY.SENT_AT, at(now))
                .set(NOTIFICATION_DELIVERY.SENDING_SINCE, (OffsetDateTime) null)
                .set(NOTIFICATION_DELIVERY.LAST_ERROR, (String) null)
                .where(NOTIFICATION_DELIVERY.ID.eq(id)).and(NOTIFICATION_DELIVERY.STATUS.eq(Delivery.SENDING))
                .execute();
    }

    /** Records a failed attempt: PENDING again at {@code nextAttemptAt}, or FAILED when that is {@code null}. */
    void failed(long id, String error, Instant nextAttemptAt, Instant now) {
        logAttempts(NOTIFICATION_DELIVERY.ID.eq(id).and(NOTIFICATION_DELIVERY.STATUS.eq(Delivery.SENDING)), now,
                Delivery.FAILED, error);
        db.update(NOTIFICATION_DELIVERY)
                .set(NOTIFICATION_DELIVERY.STATUS, nextAttemptAt == null ? Delivery.FAILED : Delivery.PENDING)
                .set(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT, nextAttemptAt == null ? null : at(nextAttemptAt))
                .set(NOTIFICATION_DELIVERY.SENDING_SINCE, (OffsetDateTime) null)
                .set(NOTIFICATION_DELIVERY.LAST_ERROR, cut(error))
                .where(NOTIFICATION_DELIVERY.ID.eq(id)).and(NOTIFICATION_DELIVERY.STATUS.eq(Delivery.SENDING))
                .execute();
    }

    Optional<Delivery> find(long id) {
        return select().where(NOTIFICATION_DELIVERY.ID.eq(id)).fetchOptional(DeliveryRepository::toDelivery);
    }

    /** Deliveries of notices to the units in {@code scope}, newest first, filtered by whichever of the others is given. */
    List<Delivery> list(Collection<String> scope, String unit, String status, String channel, UUID caseId, int limit) {
        List<Condition> where = new ArrayList<>();
        where.add(NOTIFICATION_DELIVERY.UNIT_ID.eq(DSL.any(scope.toArray(String[]::new))));
        if (unit != null) {
            where.add(NOTIFICATION_DELIVERY.UNIT_ID.eq(unit));
        }
        if (status != null) {
            where.add(NOTIFICATION_DELIVERY.STATUS.eq(status));
        }
        if (channel != null) {
            where.add(NOTIFICATION_DELIVERY.CHANNEL.eq(channel));
        }
        if (caseId != null) {
            where.add(NOTIFICATION_DELIVERY.CASE_ID.eq(caseId));
        }
        return select().where(DSL.and(where))
                .orderBy(NOTIFICATION_DELIVERY.CREATED_AT.desc(), NOTIFICATION_DELIVERY.ID.desc())
                .limit(limit)
                .fetch(DeliveryRepository::toDelivery);
    }

    /** The unit a delivery's notice went to, the row locked; empty for an unknown id. */
    Optional<String> lockUnitOf(long id) {
        return db.select(NOTIFICATION_DELIVERY.UNIT_ID).from(NOTIFICATION_DELIVERY)
                .where(NOTIFICATION_DELIVERY.ID.eq(id)).forUpdate()
                .fetchOptional(NOTIFICATION_DELIVERY.UNIT_ID);
    }

    /** A FAILED delivery due again now, its attempts counted afresh. */
    void retry(long id, String by, Instant now) {
        db.update(NOTIFICATION_DELIVERY)
                .set(NOTIFICATION_DELIVERY.STATUS, Delivery.PENDING)
                .set(NOTIFICATION_DELIVERY.ATTEMPTS, 0)
                .set(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT, at(now))
                .set(NOTIFICATION_DELIVERY.RETRIED_BY, by)
                .set(NOTIFICATION_DELIVERY.RETRIED_AT, at(now))
                .where(NOTIFICATION_DELIVERY.ID.eq(id)).and(NOTIFICATION_DELIVERY.STATUS.eq(Delivery.FAILED))
                .execute();
    }

    /** One attempt as the attempt log keeps it. */
    record Attempt(int attempt, Instant startedAt, Instant endedAt, String outcome, String error) {
    }

    /** The attempts of the given deliveries, oldest first, by delivery id. */
    java.util.Map<Long, List<Attempt>> attemptsOf(Collection<Long> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return java.util.Map.of();
        }
        return db.selectFrom(NOTIFICATION_DELIVERY_ATTEMPT)
                .where(NOTIFICATION_DELIVERY_ATTEMPT.DELIVERY_ID.eq(DSL.any(deliveryIds.toArray(Long[]::new))))
                .orderBy(NOTIFICATION_DELIVERY_ATTEMPT.DELIVERY_ID, NOTIFICATION_DELIVERY_ATTEMPT.ID)
                .fetchGroups(NOTIFICATION_DELIVERY_ATTEMPT.DELIVERY_ID, r -> new Attempt(r.getAttempt(),
                        r.getStartedAt().toInstant(), r.getEndedAt().toInstant(), r.getOutcome(), r.getError()));
    }

    // Logs how the running attempt of each SENDING delivery matching {@code which} ended, before its row moves on.
    private void logAttempts(Condition which, Instant endedAt, String outcome, String error) {
        db.insertInto(NOTIFICATION_DELIVERY_ATTEMPT, NOTIFICATION_DELIVERY_ATTEMPT.DELIVERY_ID,
                        NOTIFICATION_DELIVERY_ATTEMPT.ATTEMPT, NOTIFICATION_DELIVERY_ATTEMPT.STARTED_AT,
                        NOTIFICATION_DELIVERY_ATTEMPT.ENDED_AT, NOTIFICATION_DELIVERY_ATTEMPT.OUTCOME,
                        NOTIFICATION_DELIVERY_ATTEMPT.ERROR)
                .select(DSL.select(NOTIFICATION_DELIVERY.ID, NOTIFICATION_DELIVERY.ATTEMPTS,
                                NOTIFICATION_DELIVERY.SENDING_SINCE, DSL.val(at(endedAt)), DSL.val(outcome),
                                DSL.val(error == null ? null : cut(error), String.class))
                        .from(NOTIFICATION_DELIVERY).where(which).and(NOTIFICATION_DELIVERY.SENDING_SINCE.isNotNull()))
                .execute();
    }

    private static String cut(String error) {
        return error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return db.select(NOTIFICATION_DELIVERY.fields()).select(NOTIFICATION.TEXT)
                .from(NOTIFICATION_DELIVERY)
                .join(NOTIFICATION).on(NOTIFICATION.ID.eq(NOTIFICATION_DELIVERY.NOTIFICATION_ID));
    }

    private static Delivery toDelivery(Record r) {
        return new Delivery(r.get(NOTIFICATION_DELIVERY.ID), r.get(NOTIFICATION_DELIVERY.NOTIFICATION_ID),
                r.get(NOTIFICATION_DELIVERY.IDEMPOTENCY_KEY), r.get(NOTIFICATION_DELIVERY.CASE_ID),
                r.get(NOTIFICATION_DELIVERY.UNIT_ID), r.get(NOTIFICATION_DELIVERY.CHANNEL),
                r.get(NOTIFICATION_DELIVERY.RECIPIENT), r.get(NOTIFICATION_DELIVERY.ADDRESS), r.get(NOTIFICATION.TEXT),
                r.get(NOTIFICATION_DELIVERY.STATUS), r.get(NOTIFICATION_DELIVERY.ATTEMPTS),
                r.get(NOTIFICATION_DELIVERY.LAST_ERROR), instant(r.get(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT)),
                instant(r.get(NOTIFICATION_DELIVERY.SENT_AT)), instant(r.get(NOTIFICATION_DELIVERY.CREATED_AT)),
                r.get(NOTIFICATION_DELIVERY.RETRIED_BY), instant(r.get(NOTIFICATION_DELIVERY.RETRIED_AT)));
    }

    private static OffsetDateTime at(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
