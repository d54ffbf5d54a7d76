package org.yuqing.ui.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleTranslationsTest {

    private final ConsoleTranslations translations = new ConsoleTranslations();

    @Test
    void every_feature_bundle_has_the_same_keys_in_chinese_and_english_and_no_empty_text() throws IOException {
        Map<String, Resource> chineseFiles = ConsoleTranslations.bundles("_zh_CN.properties");
        assertThat(chineseFiles).containsKey("messages");
        assertThat(ConsoleTranslations.bundles("_en.properties").keySet()).isEqualTo(chineseFiles.keySet());

        for (String feature : chineseFiles.keySet()) {
            Properties chinese = load("i18n/" + feature + "_zh_CN.properties");
            Properties english = load("i18n/" + feature + "_en.properties");

            assertThat(chinese.stringPropertyNames()).as(feature).isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            assertThat(chinese.values()).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
            assertThat(english.values()).allSatisfy(text -> assertThat(text.toString()).isNotBlank());
        }
    }

    @Test
    void chinese_is_the_default_and_any_other_language_gets_chinese() {
        assertThat(translations.getDefaultLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(translations.getProvidedLocales().getFirst()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(translations.getTranslation("app.name", Locale.SIMPLIFIED_CHINESE)).isEqualTo("舆情应急处置平台");
        assertThat(translations.getTranslation("app.name", Locale.FRENCH)).isEqualTo("舆情应急处置平台");
        assertThat(translations.getTranslation("app.name", null)).isEqualTo("舆情应急处置平台");
        assertThat(translations.getTranslation("nav.cases", Locale.US)).isEqualTo("Cases");
    }

    @Test
    void countdowns_read_naturally_in_both_languages() {
        String left = translations.getTranslation("countdown.left", Locale.SIMPLIFIED_CHINESE,
                translations.getTranslation("duration.hoursMinutes", Locale.SIMPLIFIED_CHINESE, 1L, 42L));
        String late = translations.getTranslation("countdown.overdue", Locale.SIMPLIFIED_CHINESE,
                translations.getTranslation("duration.minutes", Locale.SIMPLIFIED_CHINESE, 0L, 20L));
        String lateEnglish = translations.getTranslation("countdown.overdue", Locale.ENGLISH,
                translations.getTranslation("duration.hoursMinutes", Locale.ENGLISH, 1200L, 5L));

        assertThat(left).isEqualTo("剩余 1小时42分");
        assertThat(late).isEqualTo("已超时 20分");
        assertThat(lateEnglish).isEqualTo("overdue by 1200 h 5 min");
    }

    @Test
    void an_unknown_key_is_visible_instead_of_failing() {
        assertThat(translations.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
        assertThat(translations.has("no.such.key", Locale.ENGLISH)).isFalse();
        assertThat(translations.has("level.MAJOR", Locale.ENGLISH)).isTrue();
    }

    @Test
    void the_switch_offers_the_other_language() {
        assertThat(ConsoleLocales.other(Locale.SIMPLIFIED_CHINESE)).isEqualTo(Locale.ENGLISH);
        assertThat(ConsoleLocales.other(Locale.UK)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConsoleTranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
