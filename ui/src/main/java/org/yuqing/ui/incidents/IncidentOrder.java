package org.yuqing.ui.incidents;

import java.util.Comparator;

/**
 * How the incident list is ordered; the hottest first by default, as a 舆情 monitor reads the list. Ties fall back to
 * the latest post, then the id, so the order is stable.
 */
enum IncidentOrder {

    /** Total heat (reads + comments + reposts since first seen), hottest first. */
    HEAT(Comparator.comparingLong(IncidentSummary::heat).reversed()),
    /** Heat of the last 24 hours, hottest first. */
    HEAT_24H(Comparator.comparingLong(IncidentSummary::heat24h).reversed()),
    /** Posts (舆情总量), most first. */
    VOLUME(Comparator.comparingLong((IncidentSummary i) -> i.metrics().volume()).reversed()),
    /** Latest post first. */
    LAST_SEEN((a, b) -> 0);

    private final Comparator<IncidentSummary> first;

    IncidentOrder(Comparator<IncidentSummary> first) {
        this.first = first;
    }

    /** @return the comparator of this order */
    Comparator<IncidentSummary> comparator() {
        return first.thenComparing(IncidentSummary::lastSeenAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(IncidentSummary::id, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    /** @return the message key of its label */
    String labelKey() {
        return "monitoring.incidents.order." + name();
    }
}
