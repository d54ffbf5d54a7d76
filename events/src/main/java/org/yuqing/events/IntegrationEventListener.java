package org.yuqing.events;

import org.yuqing.domain.events.IntegrationEvent;

/**
 * Applies events from the upstream feeds this service subscribes to. Called inside a transaction
 * that also advances the feed's cursor, so an event's effects and its "applied" mark commit
 * together. Must tolerate a redelivery of an event it has applied before (for example after the
 * database lost the last commit) and must ignore event types it does not care about.
 */
@FunctionalInterface
public interface IntegrationEventListener {

    /**
     * @param feed  the subscription's name (e.g. {@code monitoring})
     * @param event the event
     */
    void on(String feed, IntegrationEvent event);
}
