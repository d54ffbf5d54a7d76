package org.yuqing.grading.engine;

import org.yuqing.domain.IncidentFlag;
import org.yuqing.domain.IncidentMetrics;

import java.util.EnumSet;
import java.util.Set;

/** Builds {@link IncidentMetrics} for tests, all zero unless set. */
final class Metrics {

    long volume;
    long reads;
    long comments;
    long reposts;
    int distinctSites;
    int mainstreamOutlets;
    int sitesPerStatement;
    long volume24h;
    long reads24h;
    long comments24h;
    long reposts24h;
    final Set<IncidentFlag> flags = EnumSet.noneOf(IncidentFlag.class);

    static Metrics none() {
        return new Metrics();
    }

    Metrics volume(long v) {
        volume = v;
        return this;
    }

    Metrics mainstream(int v) {
        mainstreamOutlets = v;
        return this;
    }

    Metrics reads24h(long v) {
        reads24h = v;
        return this;
    }

    Metrics sitesPerStatement(int v) {
        sitesPerStatement = v;
        return this;
    }

    Metrics flags(IncidentFlag... fs) {
        flags.addAll(Set.of(fs));
        return this;
    }

    IncidentMetrics build() {
        return new IncidentMetrics(volume, reads, comments, reposts, distinctSites, mainstreamOutlets,
                sitesPerStatement, volume24h, reads24h, comments24h, reposts24h, 0, flags);
    }
}
