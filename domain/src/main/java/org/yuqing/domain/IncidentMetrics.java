package org.yuqing.domain;

import java.util.Objects;
import java.util.Set;

/**
 * The heat of an incident at one moment: totals since it was first seen and the same counts over the
 * rolling last 24 hours, plus the flags an analyst or a rule set. Counts are never negative.
 *
 * @param volume             posts in the incident (舆情总量)
 * @param reads              reads or clicks, summed over its posts
 * @param comments           comments or replies
 * @param reposts            reposts (Weibo, blogs)
 * @param distinctSites      distinct sites (domains) carrying it
 * @param mainstreamOutlets  distinct mainstream-media outlets carrying it (主流媒体)
 * @param maxSitesPerStatement the most sites carrying one and the same statement (near-duplicate text)
 * @param volume24h          posts in the last 24 hours
 * @param reads24h           reads in the last 24 hours
 * @param comments24h        comments in the last 24 hours
 * @param reposts24h         reposts in the last 24 hours
 * @param negativeShare      estimated share of negative posts, 0..1
 * @param flags              flags such as casualties; never null
 */
public record IncidentMetrics(
        long volume,
        long reads,
        long comments,
        long reposts,
        int distinctSites,
        int mainstreamOutlets,
        int maxSitesPerStatement,
        long volume24h,
        long reads24h,
        long comments24h,
        long reposts24h,
        double negativeShare,
        Set<IncidentFlag> flags) {

    public IncidentMetrics {
        Objects.requireNonNull(flags, "flags");
        flags = Set.copyOf(flags);
        if (volume < 0 || reads < 0 || comments < 0 || reposts < 0 || distinctSites < 0
                || mainstreamOutlets < 0 || maxSitesPerStatement < 0 || volume24h < 0 || reads24h < 0
                || comments24h < 0 || reposts24h < 0) {
            throw new IllegalArgumentException("metrics cannot be negative");
        }
        if (negativeShare < 0 || negativeShare > 1) {
            throw new IllegalArgumentException("negativeShare must be within 0..1");
        }
    }

    /** No posts yet. */
    public static IncidentMetrics empty() {
        return new IncidentMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Set.of());
    }
}
