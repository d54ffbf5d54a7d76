package org.yuqing.grading.classification;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yuqing.domain.Category;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClassifierTest {

    private static final Classifier SEEDED = new Classifier(LexiconRepository.seed(JsonMapper.shared()), 0.5);

    @ParameterizedTest(name = "{0} → {1} by {2}")
    @CsvSource(delimiter = '|', value = {
            "网民询问化工厂搬迁进度          | INQUIRY         | 询问",
            "居民质疑化工厂排污检测结果      | INQUIRY         | 质疑",
            "家长诉求学校增加校车           | INQUIRY         | 诉求",
            "市民咨询泄漏后饮用水安全        | INQUIRY         | 咨询",
            "网传化工厂爆炸死亡百人系谣言     | FABRICATION     | 谣言",
            "有人造谣称自来水有毒           | FABRICATION     | 造谣",
            "关于化工厂的不实信息           | FABRICATION     | 不实",
            "捏造领导讲话视频              | FABRICATION     | 捏造",
            "网友建议增设夜间公交线路        | CONSTRUCTIVE    | 建议",
            "质疑官方通报并传播谣言          | FABRICATION     | 谣言",
            "大V恶意炒作化工厂事故          | HYPE            | 炒作,恶意",
            "村民实名举报化工厂夜间偷排      | TIP_OFF         | 实名举报,偷排",
            "网民批评环保局对污染不作为      | VALID_CRITICISM | 不作为,批评",
            "化工厂爆炸                   | UNCLASSIFIED    | ''"})
    void the_seeded_lexicon_gives_the_category_and_the_words_that_decided_it(String title, Category expected,
                                                                            String words) {
        Classification classification = SEEDED.classify(title);

        assertThat(classification.category()).isEqualTo(expected);
        assertThat(classification.decidingWords())
                .containsExactlyElementsOf(words.isEmpty() ? List.of() : Arrays.asList(words.split(",")));
    }

    @ParameterizedTest(name = "{0}: confidence {1}")
    @CsvSource(delimiter = '|', value = {
            // One decisive word (weight 1) and nothing else: certain.
            "网传消息系谣言                 | 1.0",
            // A weak word alone: its weight.
            "居民质疑检测结果               | 0.6",
            // Weak words of one category add up, noisy-or: 1 − 0.4·0.6 = 0.76.
            "网民质疑为何迟迟不通报          | 0.76",
            // Also reads as an inquiry: the best strength 1 times its share 1/1.6.
            "质疑官方通报并传播谣言          | 0.625"})
    void the_confidence_grows_with_the_words_and_shrinks_with_competing_categories(String title, double expected) {
        assertThat(SEEDED.classify(title).confidence()).isCloseTo(expected, within(0.001));
    }

    @Test
    void a_text_below_the_threshold_stays_unclassified_but_shows_how_close_it_came() {
        Classifier strict = new Classifier(LexiconRepository.seed(JsonMapper.shared()), 0.7);

        Classification classification = strict.classify("居民质疑化工厂排污检测结果");

        assertThat(classification.category()).isEqualTo(Category.UNCLASSIFIED);
        assertThat(classification.confidence()).isEqualTo(0.6);
        assertThat(classification.decidingWords()).containsExactly("质疑");
    }

    @Test
    void an_edited_lexicon_classifies_by_its_own_words() {
        Classifier edited = new Classifier(new Lexicon(Map.of(Category.TIP_OFF, Map.of("爆料", 0.9))), 0.5);

        assertThat(edited.classify("网友爆料化工厂偷排").category()).isEqualTo(Category.TIP_OFF);
        assertThat(edited.classify("有人造谣称自来水有毒").category()).isEqualTo(Category.UNCLASSIFIED);
    }

    @Test
    void equally_strong_categories_resolve_to_the_one_needing_the_stronger_response() {
        Classifier tie = new Classifier(new Lexicon(Map.of(Category.INQUIRY, Map.of("甲", 1.0),
                Category.FABRICATION, Map.of("乙", 1.0))), 0.5);

        Classification classification = tie.classify("甲乙");

        assertThat(classification.category()).isEqualTo(Category.FABRICATION);
        assertThat(classification.confidence()).isEqualTo(0.5);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"NULL", "''", "'   '"})
    void an_incident_without_a_title_is_unclassified(String title) {
        assertThat(SEEDED.classify(title)).isEqualTo(Classification.NONE);
    }

    @Test
    void a_weight_outside_zero_to_one_is_refused() {
        assertThatThrownBy(() -> new Lexicon(Map.of(Category.HYPE, Map.of("炒作", 1.5))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("炒作");
    }
}
