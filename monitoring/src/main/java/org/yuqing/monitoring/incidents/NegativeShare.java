package org.yuqing.monitoring.incidents;

import java.util.List;

/**
 * An incident's negative share (负面占比): the share of its posts that contain a word of the {@link NegativeLexicon},
 * its trend and the words that drove it.
 *
 * @param share            negative posts / posts, 0..1 (also {@code metrics.negativeShare} and in the events)
 * @param share24h         the same over the posts published in the last 24 hours; 0 without such posts
 * @param sharePrevious24h the same over the 24 hours before those; 0 without such posts
 * @param trend            {@code RISING} or {@code FALLING} when the last 24 hours' share differs from the previous
 *                         24 hours' by more than {@value #STEADY_WITHIN} (5 percentage points), else {@code STEADY}
 *                         (also when either span has no post: there is nothing to compare)
 * @param words            the lexicon words found in its posts, most posts first (at most {@value #TOP_WORDS})
 */
public record NegativeShare(double share, double share24h, double sharePrevious24h, Trend trend, List<WordCount> words) {

    /** A difference of shares up to this is steady. */
    public static final double STEADY_WITHIN = 0.05;
    /** The most words reported. */
    public static final int TOP_WORDS = 10;

    /** Where the negative share is heading. */
    public enum Trend {
        /** More negative in the last 24 hours than in the 24 hours before. */
        RISING,
        /** Less negative. */
        FALLING,
        /** About the same, or nothing to compare. */
        STEADY
    }

    /**
     * A lexicon word and how many of the incident's posts contain it.
     *
     * @param word  the word
     * @param posts posts containing it
     */
    public record WordCount(String word, long posts) {
    }

    /** No post is negative. */
    public static NegativeShare none() {
        return new NegativeShare(0, 0, 0, Trend.STEADY, List.of());
    }

    /**
     * The share with its trend.
     *
     * @param negative         negative posts
     * @param posts            posts
     * @param negative24h      negative posts of the last 24 hours
     * @param posts24h         posts of the last 24 hours
     * @param negativePrevious negative posts of the 24 hours before
     * @param postsPrevious    posts of the 24 hours before
     * @param words            the words found, most posts first
     */
    static NegativeShare of(long negative, long posts, long negative24h, long posts24h, long negativePrevious,
                            long postsPrevious, List<WordCount> words) {
        double recent = ratio(negative24h, posts24h);
        double previous = ratio(negativePrevious, postsPrevious);
        Trend trend = posts24h == 0 || postsPrevious == 0 || Math.abs(recent - previous) <= STEADY_WITHIN ? Trend.STEADY
                : recent > previous ? Trend.RISING : Trend.FALLING;
        return new NegativeShare(ratio(negative, posts), recent, previous, trend, List.copyOf(words));
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 0 : Math.min(1.0, (double) part / whole);
    }
}
