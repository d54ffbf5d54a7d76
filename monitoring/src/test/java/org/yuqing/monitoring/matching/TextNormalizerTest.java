package org.yuqing.monitoring.matching;

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

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"NULL", "''"})
    void null_and_empty_become_empty(String raw) {
        assertThat(TextNormalizer.normalize(raw)).isEmpty();
    }
}
