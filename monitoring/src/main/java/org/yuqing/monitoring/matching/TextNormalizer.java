package org.yuqing.monitoring.matching;

import com.hankcs.hanlp.HanLP;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;

/**
 * The one normalisation that keywords and post text both go through before matching, in the
 * real-time matcher and in Elasticsearch alike (issue 4).
 *
 * <p>{@link #normalize} folds the forms a writer may choose freely: Unicode NFKC (full-width letters,
 * digits and punctuation become half-width, compatibility forms fold), traditional Chinese to
 * simplified (繁→简) and lower case.
 *
 * <p>Traditional characters are converted <em>character by character</em> with HanLP's t2s table
 * (each character as HanLP converts it on its own), not phrase by phrase: the conversion is then a
 * homomorphism — the conversion of a substring is a substring of the conversion — so a keyword
 * found in a text is still found after both are converted, whatever surrounds it. The result is
 * used for matching only, never shown, so a character that only a phrase would convert correctly
 * (乾隆 → 干隆) costs nothing: keyword and text fold the same way. The table is built once per
 * JVM from HanLP's dictionary (a few hundred milliseconds, see {@link #warmUp()}).
 *
 * <p>{@link #matchText} then reduces the text to the tokens Elasticsearch's standard tokenizer
 * would see, written so that the tokenizer's result is obvious: see its contract.
 *
 * <p>Both run on every post, so they work from tables built once per JVM (about 0.2 s, see {@link #warmUp()}): what
 * each BMP character folds to where that does not depend on its neighbours, and each character's token class.
 * Text made only of such characters (ASCII, Chinese, the usual punctuation, full-width forms, emoji — nearly every
 * post) is folded and tokenised in one pass without calling {@link Normalizer}; any other text takes the reference
 * path ({@code reference}), with the same result.
 */
public final class TextNormalizer {

    private static final System.Logger LOG = System.getLogger(TextNormalizer.class.getName());
    /** The standard tokenizer's {@code max_token_length}: longer runs are split at this length. */
    static final int MAX_TOKEN_LENGTH = 255;

    private TextNormalizer() {
    }

    /** Whether the text takes the fast path: every character of it folds the same whatever surrounds it. */
    static boolean foldsCharacterByCharacter(String text) {
        return text != null && Fold.fast(text) != null;
    }

    /** The normalised text (NFKC, simplified Chinese, lower case); {@code null} counts as empty. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String fast = Fold.fast(text);
        return fast != null ? fast : reference(text);
    }

    /** The normalisation as defined, step by step: the fast paths must give exactly this. */
    static String reference(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return Simplified.convert(nfkc).toLowerCase(Locale.ROOT);
    }

    /**
     * The text as a canonical token string, what the topic matcher matches keywords in and what is
     * indexed into the {@code matchText} field: {@link #normalize normalised}, then
     * <ul>
     *   <li>every Han ideograph and Hiragana character is kept, written without separators (the
     *       standard tokenizer makes each of them a token of its own);</li>
     *   <li>every other letter or digit is kept in a <em>run</em> of its script class (Latin,
     *       Cyrillic, Greek, … and digits together; Katakana; Hangul; South-East Asian), runs
     *       longer than 255 characters split into pieces of 255; two runs that touch are separated
     *       by one space, as are two runs of different classes;</li>
     *   <li>everything else (whitespace, punctuation, symbols, emoji, combining marks) is dropped.</li>
     * </ul>
     * The result holds only letters, digits and single spaces between two runs, so Elasticsearch's
     * standard analyzer turns it into exactly: one token per ideograph, one token per run.
     *
     * <p>Text made only of characters whose normalisation is context-free (see {@code Fold}) is
     * normalised and reduced in one pass, without building the normalised text; other text takes
     * the reference path.
     *
     * @param text any text; {@code null} counts as empty
     * @return the canonical token string, empty when the text has no letter or digit
     */
    public static String matchText(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Tokens out = new Tokens(text.length());
        matchText(text, out);
        return out.toString();
    }

    /**
     * Writes {@link #matchText(String)} of the text into {@code out}, which is emptied first: the matcher reuses one
     * {@link Tokens} per thread and reads its characters, so no string is built per post.
     */
    static void matchText(String text, Tokens out) {
        out.reset();
        if (text == null || text.isEmpty() || Fold.fast(text, out)) {
            return;
        }
        out.reset();
        referenceInto(text, out);
    }

    /** {@link #matchText} by the reference path: the normalised text, then the token pass over it. */
    static String referenceMatchText(String text) {
        Tokens out = new Tokens(text.length());
        referenceInto(text, out);
        return out.toString();
    }

    private static void referenceInto(String text, Tokens out) {
        String n = reference(text);
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            out.add(cp);
        }
    }

    /** Loads the traditional → simplified table and the folding tables now rather than on the first post; idempotent. */
    public static void warmUp() {
        Simplified.convert("");
        Fold.fast("");
    }

    /** Not a token character: dropped. */
    static final int NONE = 0;
    /** A token of its own: Han ideographs, Hiragana. */
    static final int SINGLE = 1;
    static final int ALPHANUMERIC = 2;
    static final int KATAKANA = 3;
    static final int HANGUL = 4;
    static final int SOUTH_EAST_ASIAN = 5;

    static boolean isRun(int tokenClass) {
        return tokenClass >= ALPHANUMERIC;
    }

    /** The token class of a code point of normalised text. */
    static int classOf(int cp) {
        if (cp >= 0 && cp <= Character.MAX_VALUE) {
            return Classes.TABLE[cp];
        }
        return computeClassOf(cp);
    }

    /** The token class as defined, without the lookup table. */
    static int computeClassOf(int cp) {
        if (!Character.isLetterOrDigit(cp)) {
            return NONE;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (Character.isIdeographic(cp) || script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA) {
            return SINGLE;
        }
        return switch (script) {
            case KATAKANA -> KATAKANA;
            case HANGUL -> HANGUL;
            case THAI, LAO, MYANMAR, KHMER, TAI_LE, NEW_TAI_LUE, TAI_THAM, TAI_VIET -> SOUTH_EAST_ASIAN;
            default -> ALPHANUMERIC;
        };
    }

    /** The token class of every BMP character (surrogates: none), computed once. */
    private static final class Classes {

        private static final byte[] TABLE = build();

        private static byte[] build() {
            byte[] table = new byte[Character.MAX_VALUE + 1];
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                table[c] = Character.isSurrogate((char) c) ? NONE : (byte) computeClassOf(c);
            }
            return table;
        }
    }

    /** The token string being written: the token pass of {@link #matchText}, one code point at a time. */
    static final class Tokens {

        private char[] out;
        private int length;
        private int lastClass = NONE;
        private int runLength;
        private boolean gap;

        Tokens(int capacity) {
            out = new char[Math.max(16, capacity)];
        }

        /** The characters written; valid up to {@link #length()}. */
        char[] chars() {
            return out;
        }

        int length() {
            return length;
        }

        void reset() {
            length = 0;
            lastClass = NONE;
            runLength = 0;
            gap = false;
        }

        private void append(char c) {
            if (length == out.length) {
                out = Arrays.copyOf(out, length * 2);
            }
            out[length++] = c;
        }

        private void appendCodePoint(int cp) {
            if (Character.isBmpCodePoint(cp)) {
                append((char) cp);
            } else {
                append(Character.highSurrogate(cp));
                append(Character.lowSurrogate(cp));
            }
        }

        /** A BMP character that is not a surrogate. */
        void add(char c) {
            int tokenClass = Classes.TABLE[c];
            if (tokenClass == NONE) {
                gap = true;
                return;
            }
            if (tokenClass == SINGLE) {
                append(c);
                lastClass = SINGLE;
                runLength = 0;
            } else {
                if (isRun(lastClass) && (lastClass != tokenClass || gap || runLength + 1 > MAX_TOKEN_LENGTH)) {
                    append(' ');
                    runLength = 0;
                }
                append(c);
                runLength++;
                lastClass = tokenClass;
            }
            gap = false;
        }

        void add(int cp) {
            if (cp <= Character.MAX_VALUE && !Character.isSurrogate((char) cp)) {
                add((char) cp);
                return;
            }
            int tokenClass = classOf(cp);
            if (tokenClass == NONE) {
                gap = true;
                return;
            }
            if (tokenClass == SINGLE) {
                appendCodePoint(cp);
                lastClass = SINGLE;
                runLength = 0;
            } else {
                int length = Character.charCount(cp);
                boolean continues = lastClass == tokenClass && !gap && runLength + length <= MAX_TOKEN_LENGTH;
                if (isRun(lastClass) && !continues) {
                    append(' ');
                    runLength = 0;
                }
                appendCodePoint(cp);
                runLength += length;
                lastClass = tokenClass;
            }
            gap = false;
        }

        @Override
        public String toString() {
            return new String(out, 0, length);
        }
    }

    /**
     * The fast path of {@link #normalize}: a per-character table of what NFKC, 繁→简 and lower case make of a
     * character, for the characters where that does not depend on the neighbours.
     *
     * <p>Why it is exact. Call a code point <em>inert</em> when its NFKD is itself, it is no mark (so its
     * canonical combining class is 0) and it is never a non-first character of any canonical
     * decomposition (so canonical composition never joins it to the character before it: that rules out
     * combining marks, Hangul vowel and final jamo and the few starters that compose). A character is
     * <em>fast</em> when its NFKD consists of inert code points only: then the NFKD of a text of fast
     * characters is the concatenation of their NFKDs (nothing to reorder), composition joins nothing, and so
     * NFKC of the text is the concatenation of each character's NFKC. 繁→简 is per character anyway, and lower
     * case is per code point except for İ (U+0130) and Σ (U+03A3), whose lower case Java makes depend on
     * context: a character whose folded form holds either is not fast. ASCII, the CJK unified ideographs,
     * the usual Chinese punctuation, emoji and the full-width forms are fast; Hangul syllables, letters
     * with combining marks and other composing text take the reference path.
     */
    private static final class Fold {

        /** Not fast: take the reference path. */
        private static final byte SLOW = 0;
        /** Folds to the one character in {@link #CHAR}. */
        private static final byte ONE = 1;
        /** Folds to the string in {@link #STRING} (empty or several characters). */
        private static final byte MANY = 2;
        /** A high surrogate: fast when it makes, with the next one, a code point of {@link #SUPPLEMENTARY}. */
        private static final byte HIGH = 3;

        private static final byte[] KIND = new byte[Character.MAX_VALUE + 1];
        private static final char[] CHAR = new char[Character.MAX_VALUE + 1];
        private static final String[] STRING = new String[Character.MAX_VALUE + 1];
        /** Supplementary code points that are inert and their own lower case: they fold to themselves. */
        private static final BitSet SUPPLEMENTARY = new BitSet();

        static {
            long start = System.nanoTime();
            BitSet composing = new BitSet(Character.MAX_CODE_POINT + 1);
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                if (!Character.isDefined(cp) || Character.isSurrogate((char) cp) && cp <= Character.MAX_VALUE) {
                    continue;
                }
                String nfd = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
                int first = nfd.codePointAt(0);
                for (int i = Character.charCount(first); i < nfd.length(); ) {
                    int later = nfd.codePointAt(i);
                    composing.set(later);
                    i += Character.charCount(later);
                }
            }
            for (int cp = Character.MAX_VALUE + 1; cp <= Character.MAX_CODE_POINT; cp++) {
                if (inert(cp, composing) && Character.toLowerCase(cp) == cp) {
                    SUPPLEMENTARY.set(cp);
                }
            }
            int fast = 0;
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                if (Character.isHighSurrogate((char) c)) {
                    KIND[c] = HIGH;
                    continue;
                }
                String folded = fold((char) c, composing);
                if (folded == null) {
                    continue;
                }
                fast++;
                if (folded.length() == 1) {
                    KIND[c] = ONE;
                    CHAR[c] = folded.charAt(0);
                } else {
                    KIND[c] = MANY;
                    STRING[c] = folded;
                }
            }
            LOG.log(System.Logger.Level.INFO, "normalisation table of {0} characters built in {1} ms",
                    fast, (System.nanoTime() - start) / 1_000_000);
        }

        private static boolean inert(int cp, BitSet composing) {
            if (!Character.isDefined(cp) || composing.get(cp)) {
                return false;
            }
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK || type == Character.SURROGATE) {
                return false;
            }
            String s = Character.toString(cp);
            return Normalizer.normalize(s, Normalizer.Form.NFKD).equals(s);
        }

        /** What the character folds to on its own, or null when that may depend on its neighbours. */
        private static String fold(char c, BitSet composing) {
            if (Character.isSurrogate(c) || !Character.isDefined(c)) {
                return null;
            }
            String nfkd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD);
            StringBuilder folded = new StringBuilder(nfkd.length());
            for (int i = 0; i < nfkd.length(); i++) {
                char d = nfkd.charAt(i);
                if (Character.isSurrogate(d) || !inert(d, composing)) {
                    return null;
                }
                char simplified = Simplified.TABLE[d];
                if (simplified == '\u0130' || simplified == '\u03A3') {
                    return null;
                }
                int lower = Character.toLowerCase((int) simplified);
                if (lower > Character.MAX_VALUE || Character.isSurrogate((char) lower)) {
                    return null;
                }
                folded.append((char) lower);
            }
            return folded.toString();
        }

        /** The normalised text when every character is fast, else null. */
        static String fast(String text) {
            int length = text.length();
            char[] out = new char[length];
            int n = 0;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                switch (KIND[c]) {
                    case ONE -> {
                        if (n == out.length) {
                            out = Arrays.copyOf(out, n * 2 + 2);
                        }
                        out[n++] = CHAR[c];
                    }
                    case MANY -> {
                        String s = STRING[c];
                        if (n + s.length() > out.length) {
                            out = Arrays.copyOf(out, Math.max(out.length * 2, n + s.length()));
                        }
                        s.getChars(0, s.length(), out, n);
                        n += s.length();
                    }
                    case HIGH -> {
                        if (i + 1 >= length || !Character.isLowSurrogate(text.charAt(i + 1))
                                || !SUPPLEMENTARY.get(Character.toCodePoint(c, text.charAt(i + 1)))) {
                            return null;
                        }
                        if (n + 2 > out.length) {
                            out = Arrays.copyOf(out, out.length * 2 + 2);
                        }
                        out[n++] = c;
                        out[n++] = text.charAt(++i);
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return new String(out, 0, n);
        }

        /** Writes the tokens of the text to {@code out} when every character is fast; false (out unusable) else. */
        static boolean fast(String text, Tokens out) {
            int length = text.length();
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                switch (KIND[c]) {
                    case ONE -> out.add(CHAR[c]);
                    case MANY -> {
                        String s = STRING[c];
                        for (int k = 0; k < s.length(); k++) {
                            out.add(s.charAt(k));
                        }
                    }
                    case HIGH -> {
                        if (i + 1 >= length || !Character.isLowSurrogate(text.charAt(i + 1))) {
                            return false;
                        }
                        int cp = Character.toCodePoint(c, text.charAt(i + 1));
                        if (!SUPPLEMENTARY.get(cp)) {
                            return false;
                        }
                        out.add(cp);
                        i++;
                    }
                    default -> {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** HanLP's traditional → simplified table, per BMP character, built on first use. */
    private static final class Simplified {

        private static final char[] TABLE = build();

        private static char[] build() {
            long start = System.nanoTime();
            char[] table = new char[Character.MAX_VALUE + 1];
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                table[c] = (char) c;
            }
            StringBuilder all = new StringBuilder();
            for (int c = 0x2E80; c <= 0x9FFF; c++) {
                if (Character.isIdeographic(c)) {
                    all.append((char) c);
                }
            }
            for (int c = 0xF900; c <= 0xFAFF; c++) {
                all.append((char) c);
            }
            int converted = 0;
            for (int i = 0; i < all.length(); i++) {
                char c = all.charAt(i);
                String s = HanLP.convertToSimplifiedChinese(String.valueOf(c));
                if (s.length() == 1 && s.charAt(0) != c) {
                    table[c] = s.charAt(0);
                    converted++;
                }
            }
            LOG.log(System.Logger.Level.INFO, "traditional-to-simplified table of {0} characters loaded in {1} ms",
                    converted, (System.nanoTime() - start) / 1_000_000);
            return table;
        }

        static String convert(String text) {
            char[] chars = null;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                char s = TABLE[c];
                if (s != c) {
                    if (chars == null) {
                        chars = text.toCharArray();
                    }
                    chars[i] = s;
                }
            }
            return chars == null ? text : new String(chars);
        }
    }
}
