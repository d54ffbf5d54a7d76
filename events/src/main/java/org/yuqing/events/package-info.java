/**
 * Reliable delivery of integration events between services without a broker. A service appends
 * events to its outbox table in the same transaction as the change ({@link org.yuqing.events.Outbox}),
 * serves them as a long-polled feed ({@code GET /internal/events}), and consumes other services'
 * feeds with idempotent listeners whose cursor is stored in the listener's own transaction.
 * The transport sits behind {@link org.yuqing.events.EventSource}, so a broker can replace it.
 */
package org.yuqing.events;
