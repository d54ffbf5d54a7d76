package org.yuqing.grading.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yuqing.domain.Category;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "网民询问化工厂搬迁进度,          INQUIRY",
            "居民质疑化工厂排污检测结果,      INQUIRY",
            "家长诉求学校增加校车,           INQUIRY",
            "市民咨询泄漏后饮用水安全,        INQUIRY",
            "网传化工厂爆炸死亡百人系谣言,     FABRICATION",
            "有人造谣称自来水有毒,           FABRICATION",
            "关于化工厂的不实信息,           FABRICATION",
            "捏造领导讲话视频,              FABRICATION",
            "网友建议增设夜间公交线路,        CONSTRUCTIVE",
            "化工厂爆炸,                   UNCLASSIFIED",
            "'',                           UNCLASSIFIED",
            "质疑官方通报并传播谣言,          FABRICATION"})
    void the_title_lexicon_gives_a_first_category(String title, Category expected) {
        assertThat(Classifier.classify(title)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = "NULL")
    void an_incident_without_a_title_is_unclassified(String title) {
        assertThat(Classifier.classify(title)).isEqualTo(Category.UNCLASSIFIED);
    }
}
