package org.yuqing.monitoring.matching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ＰＸ项目              | px项目
            ＡＢＣ１２３          | abc123
            Chemical Plant       | chemical plant
            化工厂爆炸            | 化工厂爆炸
            ｈｔｔｐ：／／ｘ      | http://x
            ①号楼                | 1号楼
            ﹙泄漏﹚              | (泄漏)
            """)
    void full_width_forms_fold_to_half_width_and_letters_to_lower_case(String raw, String normalized) {
        assertThat(TextNormalizer.normalize(raw)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            化工廠洩漏            | 化工厂泄漏
            東區醫院              | 东区医院
            頭髮                  | 头发
            學校抗議              | 学校抗议
            """)
    void traditional_chinese_folds_to_simplified(String raw, String normalized) {
        assertThat(TextNormalizer.normalize(raw)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            化工 厂，泄漏！          | 化工厂泄漏
            反ＰＸ項目 抗議          | 反px项目抗议
            px  strike, now        | px strike now
            Covid-19               | covid 19
            3.5G                   | 3 5g
            ガスabc                | ガス abc
            a_b                    | a b
            😀泄漏😀               | 泄漏
            ，。！                 | ""
            """)
    void match_text_keeps_ideographs_and_runs_of_letters_or_digits_and_drops_the_rest(String raw, String canonical) {
        assertThat(TextNormalizer.matchText(raw)).isEqualTo(canonical);
    }

    @Test
    void a_run_longer_than_the_tokenizers_limit_is_split_into_pieces_of_that_length() {
        assertThat(TextNormalizer.matchText("a".repeat(600)))
                .isEqualTo("a".repeat(255) + " " + "a".repeat(255) + " " + "a".repeat(90));
    }

    @Test
    void a_substring_of_traditional_text_folds_to_a_substring_of_its_folded_text() {
        String text = "乾隆年間的頭髮與發展";
        String folded = TextNormalizer.normalize(text);
        for (int i = 0; i < text.length(); i++) {
            for (int j = i + 1; j <= text.length(); j++) {
                assertThat(folded).contains(TextNormalizer.normalize(text.substring(i, j)));
            }
        }
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"NULL", "''"})
    void null_and_empty_become_empty(String raw) {
        assertThat(TextNormalizer.normalize(raw)).isEmpty();
        assertThat(TextNormalizer.matchText(raw)).isEmpty();
    }
}
