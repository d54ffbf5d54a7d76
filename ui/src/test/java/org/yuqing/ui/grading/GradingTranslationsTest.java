package org.yuqing.ui.grading;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Category;
import org.yuqing.domain.IncidentFlag;
import org.yuqing.domain.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grading bundles are complete: both languages have the same keys, every key starts with {@code grading.}, every
 * key the grading pages name is there, and every level, category, flag, approval step, metric and count has a name.
 */
class GradingTranslationsTest {

    private static final Path SOURCES = Path.of("src/main/java/org/yuqing/ui/grading");
    private static final Pattern KEY = Pattern.compile("\"(grading\\.[A-Za-z0-9.]*[A-Za-z0-9])\"");
    private static final List<String> METRICS = List.of("VOLUME", "VOLUME_24H", "READS", "READS_24H", "COMMENTS",
            "COMMENTS_24H", "REPOSTS", "REPOSTS_24H", "DISTINCT_SITES", "MAINSTREAM_OUTLETS", "SITES_PER_STATEMENT");

    @Test
    void both_languages_have_the_same_keys_all_in_the_grading_namespace_and_none_blank() throws IOException {
        Properties chinese = bundle("zh_CN");
        Properties english = bundle("en");

        assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
        assertThat(chinese.stringPropertyNames()).allMatch(key -> key.startsWith("grading."));
        assertThat(chinese.stringPropertyNames()).allMatch(key -> !chinese.getProperty(key).isBlank());
        assertThat(english.stringPropertyNames()).allMatch(key -> !english.getProperty(key).isBlank());
    }

    @Test
    void every_key_the_pages_name_and_every_code_they_translate_has_a_text() throws IOException {
        Set<String> needed = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    needed.add(m.group(1));
                }
            }
        }
        for (Level level : Level.values()) {
            needed.add("grading.level." + level.name());
        }
        for (Category category : Category.values()) {
            needed.add("grading.category." + category.name());
        }
        for (IncidentFlag flag : IncidentFlag.values()) {
            needed.add("grading.flag." + flag.name());
        }
        for (ApprovalStep step : ApprovalStep.values()) {
            needed.add("grading.approval." + step.name());
        }
        METRICS.forEach(metric -> needed.add("grading.metric." + metric));
        Snapshot.COUNTS.forEach(count -> needed.add("grading.count." + count));
        assertThat(needed).hasSizeGreaterThan(100);

        for (String language : List.of("zh_CN", "en")) {
            Properties texts = bundle(language);
            List<String> missing = new ArrayList<>(needed.stream().filter(k -> !texts.containsKey(k)).toList());
            assertThat(missing).as("keys missing in grading_%s", language).isEmpty();
        }
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(GradingTranslationsTest.class.getResourceAsStream(
                "/i18n/grading_" + language + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
