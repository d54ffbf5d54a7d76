package org.yuqing.ui.i18n;

import java.util.List;
import java.util.Locale;

/**
 * The languages of the console: Chinese (zh-CN) first and by default, English second.
 */
public final class ConsoleLocales {

    /** Simplified Chinese as used in mainland China, the default. */
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** English. */
    public static final Locale ENGLISH = Locale.ENGLISH;

    /** All languages offered, the default first. */
    public static final List<Locale> ALL = List.of(CHINESE, ENGLISH);

    private ConsoleLocales() {
    }

    /**
     * The offered language closest to a requested one.
     *
     * @param requested any locale, may be {@code null}
     * @return English for any English locale, Chinese otherwise
     */
    public static Locale closest(Locale requested) {
        return requested != null && ENGLISH.getLanguage().equals(requested.getLanguage()) ? ENGLISH : CHINESE;
    }

    /**
     * The language the switch offers when this one is shown.
     *
     * @param current the language shown now
     * @return the other offered language
     */
    public static Locale other(Locale current) {
        return closest(current).equals(CHINESE) ? ENGLISH : CHINESE;
    }
}
