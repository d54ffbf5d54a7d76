package org.yuqing.security;

import java.time.Instant;

/**
 * One line of a service's audit: who did or tried what, when and from where.
 *
 * @param id            position in the audit (ascending)
 * @param occurredAt    when
 * @param actor         the login or client id ({@code anonymous} without a valid token)
 * @param actorUnits    the actor's units, comma-separated
 * @param action        e.g. {@link AuditTrail#DENIED}, {@link AuditTrail#APPROVAL}
 * @param target        what it was about, e.g. {@code POST /api/publishing/statements/…/publish}
 * @param outcome       {@code DENIED}, {@code DONE}, …
 * @param clientAddress the client's address as seen through the gateway
 * @param detail        a short explanation, never a secret
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String actorUnits, String action, String target,
                         String outcome, String clientAddress, String detail) {
}
