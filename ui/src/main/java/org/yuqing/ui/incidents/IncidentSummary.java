package org.yuqing.ui.incidents;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One incident as {@code GET /api/monitoring/incidents} lists it (monitoring's {@code IncidentView}). Instants are
 * UTC on the wire; the 24 h figures count back from the moment monitoring answered.
 *
 * @param id          incident id
 * @param topicId     the topic whose match opened it
 * @param unitId      its owning unit (属地)
 * @param title       short title, from its first post
 * @param state       {@code OPEN} or {@code CLOSED}
 * @param firstSeenAt publication time of its earliest post
 * @param lastSeenAt  publication time of its latest post
 * @param createdAt   when monitoring opened it
 * @param metrics     its heat
 * @param duplicates  how many of its posts are near-duplicates of an earlier one
 * @param negative    its negative share with trend and words; {@code null} from a monitoring that sends none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncidentSummary(String id, String topicId, String unitId, String title, String state,
                              Instant firstSeenAt, Instant lastSeenAt, Instant createdAt, Metrics metrics,
                              int duplicates, Negative negative) {

    /** Normalises missing metrics to zero figures. */
    public IncidentSummary {
        metrics = metrics == null ? new Metrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, List.of()) : metrics;
    }

    /**
     * The estimated share of negative posts (负面占比), 0..1.
     *
     * @return the share, {@code null} when monitoring sent none
     */
    public Double negativeShare() {
        return negative != null ? Double.valueOf(negative.share()) : metrics.negativeShare();
    }

    /**
     * Heat: reads + comments + reposts since the incident was first seen, the figure posts are sorted by in search.
     *
     * @return the total heat
     */
    public long heat() {
        return metrics.reads() + metrics.comments() + metrics.reposts();
    }

    /**
     * The same figure over the last 24 hours.
     *
     * @return the heat of the last 24 hours
     */
    public long heat24h() {
        return metrics.reads24h() + metrics.comments24h() + metrics.reposts24h();
    }

    /**
     * The heat of an incident (domain {@code IncidentMetrics}).
     *
     * @param volume            posts (舆情总量)
     * @param reads             reads or clicks
     * @param comments          comments
     * @param reposts           reposts
     * @param distinctSites     distinct sites carrying it
     * @param mainstreamOutlets distinct mainstream outlets carrying it (主流媒体)
     * @param maxSitesPerStatement the most sites carrying one statement
     * @param volume24h         posts in the last 24 hours
     * @param reads24h          reads in the last 24 hours
     * @param comments24h       comments in the last 24 hours
     * @param reposts24h        reposts in the last 24 hours
     * @param negativeShare     estimated share of negative posts, 0..1; {@code null} when the service sent none
     * @param flags             flag codes, e.g. {@code CASUALTIES}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metrics(long volume, long reads, long comments, long reposts, int distinctSites,
                          int mainstreamOutlets, int maxSitesPerStatement, long volume24h, long reads24h,
                          long comments24h, long reposts24h, Double negativeShare, List<String> flags) {

        /** Normalises missing flags to none. */
        public Metrics {
            flags = flags == null ? List.of() : List.copyOf(flags);
        }
    }

    /**
     * The negative share of an incident (monitoring's {@code NegativeShare}).
     *
     * @param share            negative posts / posts, 0..1
     * @param share24h         the same over the last 24 hours
     * @param sharePrevious24h the same over the 24 hours before
     * @param trend            {@code RISING}, {@code FALLING} or {@code STEADY}
     * @param words            the negative words found, most posts first
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Negative(double share, double share24h, double sharePrevious24h, String trend,
                           List<WordCount> words) {

        /** Normalises missing words to none. */
        public Negative {
            words = words == null ? List.of() : List.copyOf(words);
        }
    }

    /**
     * A negative word and how many of the incident's posts contain it.
     *
     * @param word  the word
     * @param posts posts containing it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WordCount(String word, long posts) {
    }
}
