package org.yuqing.monitoring.matching;

import com.hankcs.hanlp.HanLP;

import java.text.Normalizer;
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
 */
public final class TextNormalizer {

    private static final System.Logger LOG = System.getLogger(TextNormalizer.class.getName());
    /** The standard tokenizer's {@code max_token_length}: longer runs are split at this length. */
    static final int MAX_TOKEN_LENGTH = 255;

    private TextNormalizer() {
    }

    /** The normalised text (NFKC, simplified Chinese, lower case); {@code null} counts as empty. */
    public static String normalize(String text) {
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
     * @param text any text; {@code null} counts as empty
     * @return the canonical token string, empty when the text has no letter or digit
     */
    public static String matchText(String text) {
        String n = normalize(text);
        StringBuilder out = new StringBuilder(n.length());
        int lastClass = NONE;
        int runLength = 0;
        boolean gap = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            int c = classOf(cp);
            if (c == NONE) {
                gap = true;
                continue;
            }
            if (c == SINGLE) {
                out.appendCodePoint(cp);
                lastClass = SINGLE;
                runLength = 0;
            } else {
                int length = Character.charCount(cp);
                boolean continues = lastClass == c && !gap && runLength + length <= MAX_TOKEN_LENGTH;
                if (isRun(lastClass) && !continues) {
                    out.append(' ');
                    runLength = 0;
                }
                out.appendCodePoint(cp);
                runLength += length;
                lastClass = c;
            }
            gap = false;
        }
        return out.toString();
    }

    /** Loads the traditional → simplified table now rather than on the first post; idempotent. */
    public static void warmUp() {
        Simplified.convert("");
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
