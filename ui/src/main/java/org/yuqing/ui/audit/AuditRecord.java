package org.yuqing.ui.audit;

import java.time.Instant;

/**
 * One audit line as a service's {@code GET /api/<service>/audit} answers it.
 *
 * @param id            position in that service's audit (ascending)
 * @param occurredAt    when
 * @param actor         the login or client id ({@code anonymous} without a valid token)
 * @param actorUnits    the actor's units, comma-separated
 * @param action        e.g. {@code DENIED}, {@code APPROVAL}
 * @param target        what it was about
 * @param outcome       {@code DENIED}, {@code DONE}, …
 * @param clientAddress the client's address as seen through the gateway
 * @param detail        a short explanation
 */
record AuditRecord(long id, Instant occurredAt, String actor, String actorUnits, String action, String target,
                   String outcome, String clientAddress, String detail) {
}
