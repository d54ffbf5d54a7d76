package org.yuqing.monitoring.incidents;

import org.yuqing.monitoring.matching.TextNormalizer;

/**
 * 64-bit SimHash (Charikar) of a text, for near-duplicate detection (相似文本/转载识别): texts that differ in a few
 * characters get fingerprints that differ in a few bits, unrelated texts in about half of them.
 *
 * <p>The text is first folded ({@link TextNormalizer#normalize}: width, traditional → simplified, case) and reduced
 * to its letters and digits, so punctuation, blanks and the script of a repost do not count; the features are its
 * overlapping shingles of {@value #SHINGLE} characters (a text shorter than that is one feature), each weighted by how
 * often it occurs.
 */
public final class SimHash {

    /**
     * Characters per shingle: most Chinese words have two characters, and an edit touches only two shingles, so a
     * lightly edited repost of a short news item stays within {@value #NEAR_DUPLICATE_DISTANCE} bits.
     */
    static final int SHINGLE = 2;

    /** Fingerprints at most this many bits apart are near-duplicates: the same statement (同一表述). */
    public static final int NEAR_DUPLICATE_DISTANCE = 3;

    private SimHash() {
    }

    /**
     * @param text any text; {@code null} counts as empty
     * @return the fingerprint; 0 for a text without letters or digits
     */
    public static long of(String text) {
        String folded = TextNormalizer.normalize(text);
        int[] kept = new int[folded.length()];
        int n = 0;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                kept[n++] = c;
            }
        }
        if (n == 0) {
            return 0;
        }
        // a bit's weight is +1 per shingle whose hash has it set, -1 per one that has not: positive when set in more
        // than half the shingles
        int shingles = Math.max(1, n - SHINGLE + 1);
        int[] ones = new int[64];
        for (int start = 0; start < shingles; start++) {
            long h = hash(kept, start, Math.min(start + SHINGLE, n));
            for (int bit = 0; bit < 64; bit++) {
                ones[bit] += (int) ((h >>> bit) & 1);
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (2 * ones[bit] > shingles) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    /** The number of bits in which two fingerprints differ (Hamming distance), 0 to 64. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Whether two fingerprints are of near-duplicate texts. */
    public static boolean nearDuplicates(long a, long b) {
        return distance(a, b) <= NEAR_DUPLICATE_DISTANCE;
    }

    /**
     * FNV-1a over the UTF-8 bytes of the code points {@code from} to {@code to} (encoded here, no string built), then a
     * SplitMix64 finaliser so that every output bit depends on every input bit. The code points are letters or digits,
     * never surrogates.
     */
    static long hash(int[] codePoints, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            int c = codePoints[i];
            if (c < 0x80) {
                h = fnv(h, c);
            } else if (c < 0x800) {
                h = fnv(fnv(h, 0xc0 | (c >>> 6)), 0x80 | (c & 0x3f));
            } else if (c < 0x10000) {
                h = fnv(fnv(fnv(h, 0xe0 | (c >>> 12)), 0x80 | ((c >>> 6) & 0x3f)), 0x80 | (c & 0x3f));
            } else {
                h = fnv(fnv(fnv(fnv(h, 0xf0 | (c >>> 18)), 0x80 | ((c >>> 12) & 0x3f)), 0x80 | ((c >>> 6) & 0x3f)),
                        0x80 | (c & 0x3f));
            }
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    private static long fnv(long h, int b) {
        return (h ^ b) * 0x100000001b3L;
    }
}
