package org.yuqing.monitoring.incidents;

import org.yuqing.monitoring.matching.TextNormalizer;

import java.nio.charset.StandardCharsets;

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
        int[] folded = TextNormalizer.normalize(text).codePoints().filter(Character::isLetterOrDigit).toArray();
        if (folded.length == 0) {
            return 0;
        }
        int[] weights = new int[64];
        int shingles = Math.max(1, folded.length - SHINGLE + 1);
        for (int start = 0; start < shingles; start++) {
            long h = hash(new String(folded, start, Math.min(SHINGLE, folded.length - start)));
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
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

    /** FNV-1a over the UTF-8 bytes, then a SplitMix64 finaliser so that every output bit depends on every input bit. */
    private static long hash(String shingle) {
        long h = 0xcbf29ce484222325L;
        for (byte b : shingle.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
