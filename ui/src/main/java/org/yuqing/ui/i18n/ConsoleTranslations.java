package org.yuqing.ui.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.stereotype.Component;

/**
 * Every visible text of the console, from {@code i18n/messages_zh_CN.properties} and
 * {@code i18n/messages_en.properties} (UTF-8). Parameters use {@link MessageFormat} syntax ({@code {0}}).
 */
@Component
public class ConsoleTranslations implements I18NProvider {

    private static final String BUNDLE = "i18n.messages";

    private final transient ResourceBundle chinese = load(ConsoleLocales.CHINESE);
    private final transient ResourceBundle english = load(ConsoleLocales.ENGLISH);

    private static ResourceBundle load(Locale locale) {
        // No fallback: a missing bundle must fail at start, not quietly show the JVM locale's texts.
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return ConsoleLocales.ALL;
    }

    @Override
    public Locale getDefaultLocale() {
        return ConsoleLocales.CHINESE;
    }

    /**
     * The text for a key in the closest offered language.
     *
     * @param key    message key
     * @param locale requested language, {@code null} for the default
     * @param params message parameters
     * @return the text, or {@code !key!} when the key is unknown (visible, never an exception)
     */
    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale language = ConsoleLocales.closest(locale);
        ResourceBundle bundle = language.equals(ConsoleLocales.ENGLISH) ? english : chinese;
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return params == null || params.length == 0 ? pattern : new MessageFormat(pattern, language).format(params);
    }

    /**
     * Whether a key has a text.
     *
     * @param key    message key
     * @param locale requested language
     * @return {@code true} when the closest offered language has the key
     */
    public boolean has(String key, Locale locale) {
        ResourceBundle bundle = ConsoleLocales.closest(locale).equals(ConsoleLocales.ENGLISH) ? english : chinese;
        return bundle.containsKey(key);
    }
}
