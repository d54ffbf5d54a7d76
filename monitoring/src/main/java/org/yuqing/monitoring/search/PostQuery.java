package org.yuqing.monitoring.search;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A search over posts: every term must occur as an exact phrase (for Chinese: as a substring) in the title or the
 * text, and the post must pass the filter.
 *
 * @param terms     the terms; empty matches every post
 * @param filter    the filters (time range, site, media type, topic, incident, mainstream)
 * @param from      offset of the first hit, ≥ 0 (0 when {@code after} is set)
 * @param size      hits per page, ≥ 1
 * @param order     relevance, newest first or hottest first
 * @param after     continue after this cursor (deep paging), or start at {@code from} when null
 * @param interval  the buckets of the volume aggregation, or no aggregations at all when null
 * @param unitScope only posts of these units (属地管理: a post belongs to the units of the topics it matched);
 *                  empty finds nothing
 */
public record PostQuery(List<String> terms, PostFilter filter, int from, int size, Order order, SearchCursor after,
                        Interval interval, Set<String> unitScope) {

    /** How hits are ordered; ties are broken by newer publication, then by id, so paging is stable. */
    public enum Order {
        /** Best match first (newest first when there is no term). */
        RELEVANCE,
        /** Newest publication first. */
        TIME,
        /** Highest heat first: reads + comments + reposts at the last submission. */
        HEAT
    }

    /** The bucket width of the volume aggregation, in China Standard Time (UTC+8). */
    public enum Interval {
        /** One bucket per hour. */
        HOUR,
        /** One bucket per calendar day. */
        DAY
    }

    public PostQuery {
        terms = List.copyOf(terms);
        filter = filter == null ? PostFilter.NONE : filter;
        Objects.requireNonNull(order, "order");
        unitScope = Set.copyOf(unitScope);
    }

    /** The order hits really come in: relevance without terms is by time. */
    public Order effectiveOrder() {
        return order == Order.RELEVANCE && terms.isEmpty() ? Order.TIME : order;
    }
}
