package org.yuqing.casework.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * One delivery of a notice to one recipient on one channel, as the delivery log (投递记录) keeps it.
 *
 * @param channel       {@code EMAIL}, {@code SMS}, {@code WECOM} or {@code DINGTALK}
 * @param recipient     the person's login, or the robot's name within the unit
 * @param address       the email address, the mobile number, or the robot's address without its credential
 * @param status        {@code PENDING} (waiting for its next attempt), {@code SENDING}, {@code SENT} or
 *                      {@code FAILED} (given up, or interrupted with an unknown outcome: retry by hand)
 * @param attempts      attempts made so far (since the last retry by hand)
 * @param lastError     why the last attempt failed, or {@code null}; never holds a credential
 * @param nextAttemptAt when it is tried next while PENDING, else {@code null}
 */
record Delivery(long id, long notificationId, UUID idempotencyKey, UUID caseId, String unitId, String channel,
                String recipient, String address, String text, String status, int attempts, String lastError,
                Instant nextAttemptAt, Instant sentAt, Instant createdAt, String retriedBy, Instant retriedAt) {

    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
}
