package org.yuqing.monitoring.matching;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normalisation that keywords and post text both go through before matching: Unicode NFKC
 * (full-width letters, digits and punctuation become half-width, compatibility forms fold) and then
 * lower case. Traditional and simplified Chinese are not folded (yet).
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** The normalised text; {@code null} counts as empty. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
