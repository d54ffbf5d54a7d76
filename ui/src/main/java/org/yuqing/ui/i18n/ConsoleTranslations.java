package org.yuqing.ui.i18n;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every visible text of the console. Each feature keeps its texts in its own pair of bundles,
 * {@code i18n/<feature>_zh_CN.properties} and {@code i18n/<feature>_en.properties} (UTF-8; the frame's are
 * {@code i18n/messages_*}); all pairs on the class path are merged at start. A feature with only one language, or
 * a key two features both define, fails the start instead of showing the wrong text. Parameters use
 * {@link MessageFormat} syntax ({@code {0}}).
 */
@Component
public class ConsoleTranslations implements I18NProvider {

    private static final String CHINESE_SUFFIX = "_zh_CN.properties";
    private static final String ENGLISH_SUFFIX = "_en.properties";

    private final transient Map<String, String> chinese;
    private final transient Map<String, String> english;

    /** Reads every feature's bundles from the class path. */
    public ConsoleTranslations() {
        Map<String, Resource> chineseFiles = bundles(CHINESE_SUFFIX);
        Map<String, Resource> englishFiles = bundles(ENGLISH_SUFFIX);
        if (chineseFiles.isEmpty() || !chineseFiles.keySet().equals(englishFiles.keySet())) {
            throw new IllegalStateException("every console bundle needs a Chinese and an English file; Chinese: "
                    + chineseFiles.keySet() + ", English: " + englishFiles.keySet());
        }
        this.chinese = merge(chineseFiles);
        this.english = merge(englishFiles);
    }

    /**
     * The feature bundles on the class path, by feature name.
     *
     * @param suffix the language's file name ending
     * @return resource per feature name (sorted)
     */
    static Map<String, Resource> bundles(String suffix) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver(ConsoleTranslations.class.getClassLoader())
                    .getResources("classpath*:i18n/*" + suffix);
            Map<String, Resource> byFeature = new TreeMap<>();
            for (Resource resource : found) {
                String name = Objects.requireNonNull(resource.getFilename());
                byFeature.put(name.substring(0, name.length() - suffix.length()), resource);
            }
            return byFeature;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the console's message bundles", e);
        }
    }

    private static Map<String, String> merge(Map<String, Resource> files) {
        Map<String, String> texts = new HashMap<>();
        Map<String, String> definedIn = new HashMap<>();
        files.forEach((feature, resource) -> {
            Properties properties = new Properties();
            try (Reader in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
            for (String key : properties.stringPropertyNames()) {
                String earlier = definedIn.putIfAbsent(key, feature);
                if (earlier != null) {
                    throw new IllegalStateException("message key " + key + " is defined by both " + earlier
                            + " and " + feature);
                }
                texts.put(key, properties.getProperty(key));
            }
        });
        return Map.copyOf(texts);
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
        String pattern = (language.equals(ConsoleLocales.ENGLISH) ? english : chinese).get(key);
        if (pattern == null) {
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
        return (ConsoleLocales.closest(locale).equals(ConsoleLocales.ENGLISH) ? english : chinese).containsKey(key);
    }
}
