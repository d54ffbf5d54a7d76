package org.yuqing.monitoring.search;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Which posts a search or an export considers, besides its terms and the caller's unit scope; every criterion that
 * is set must hold, a set of values means any of them.
 *
 * @param since       published at or after this instant, or any time when null
 * @param until       published before this instant, or any time when null
 * @param sites       of one of these sites (domains, lower case), or any site when empty
 * @param mediaTypes  of one of these media types (NEWS, WEIBO, …), or any when empty
 * @param topicIds    matched one of these topics at its last submission, or any when empty
 * @param incidentIds held by one of these incidents, or any when empty
 * @param mainstream  only posts of mainstream outlets (true), only of others (false), or both (null)
 */
public record PostFilter(Instant since, Instant until, Set<String> sites, Set<String> mediaTypes, Set<UUID> topicIds,
                         Set<UUID> incidentIds, Boolean mainstream) {

    /** No criterion: every post of the unit scope. */
    public static final PostFilter NONE = new PostFilter(null, null, Set.of(), Set.of(), Set.of(), Set.of(), null);

    /** Copies the sets; absent sets are empty. */
    public PostFilter {
        sites = sites == null ? Set.of() : Set.copyOf(sites);
        mediaTypes = mediaTypes == null ? Set.of() : Set.copyOf(mediaTypes);
        topicIds = topicIds == null ? Set.of() : Set.copyOf(topicIds);
        incidentIds = incidentIds == null ? Set.of() : Set.copyOf(incidentIds);
    }
}
