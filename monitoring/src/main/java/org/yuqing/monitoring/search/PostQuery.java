package org.yuqing.monitoring.search;

import java.util.List;
import java.util.Set;

/**
 * A keyword search over posts: every term must occur as an exact phrase (for Chinese: as a
 * substring) in the title or the text.
 *
 * @param terms the terms; empty matches every post
 * @param from  offset of the first hit, ≥ 0
 * @param size  hits per page, ≥ 1
 * @param order relevance or newest first
 * @param unitScope only posts of these units (属地管理: a post belongs to the units of the topics it matched);
 *                  empty finds nothing
 */
public record PostQuery(List<String> terms, int from, int size, Order order, Set<String> unitScope) {

    /** How hits are ordered. */
    public enum Order {
        /** Best match first, newer first among equals. */
        RELEVANCE,
        /** Newest publication first. */
        TIME
    }

    public PostQuery {
        terms = List.copyOf(terms);
        unitScope = Set.copyOf(unitScope);
    }
}
