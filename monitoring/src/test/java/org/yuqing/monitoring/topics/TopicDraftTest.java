package org.yuqing.monitoring.topics;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.yuqing.monitoring.web.InvalidRequestException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TopicDraftTest {

    @Test
    void words_are_trimmed_and_blanks_and_duplicates_dropped() {
        TopicDraft d = new TopicDraft(" 化工厂事故 ", " district ", null, List.of(" 化工厂", "化工厂", ""),
                Arrays.asList("爆炸", null, "泄漏 "), null).validated();
        assertThat(d.name()).isEqualTo("化工厂事故");
        assertThat(d.unitId()).isEqualTo("district");
        assertThat(d.regionWords()).isEmpty();
        assertThat(d.subjectWords()).containsExactly("化工厂");
        assertThat(d.eventWords()).containsExactly("爆炸", "泄漏");
        assertThat(d.excludeWords()).isEmpty();
    }

    @Test
    void name_unit_and_one_region_subject_or_event_word_are_required() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> new TopicDraft(" ", null, List.of(" "), List.of(), null, List.of("演练")).validated());
        ProblemDetail problem = e.getBody();
        assertThat(problem.getStatus()).isEqualTo(400);
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) problem.getProperties().get("errors");
        assertThat(errors).extracting(m -> m.get("field"))
                .containsExactly("name", "unitId", "regionWords/subjectWords/eventWords");
    }

    @Test
    void exclude_words_alone_are_not_enough() {
        assertThatThrownBy(() -> new TopicDraft("n", "u", null, null, null, List.of("演练")).validated())
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void an_expression_draft_needs_no_words_and_keeps_its_filters_normalised() {
        TopicDraft d = new TopicDraft("化工厂", "district", null, null, null, null, "  化工厂 + (爆炸 | 泄漏)  ",
                List.of(" Weibo.COM. ", "", "news.example.cn"), List.of("weibo", " NEWS ", "news"), null).validated();

        assertThat(d.expression()).isEqualTo("化工厂 + (爆炸 | 泄漏)");
        assertThat(d.sites()).containsExactly("weibo.com", "news.example.cn");
        assertThat(d.mediaTypes()).containsExactly("WEIBO", "NEWS");
        assertThat(d.enabled()).isTrue();
        assertThat(new TopicDraft("n", "u", List.of("化工厂"), null, null, null, null, null, null, false).validated().enabled())
                .isFalse();
    }

    @Test
    void words_and_an_expression_together_are_a_400() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> new TopicDraft("n", "u",
                null, List.of("化工厂"), null, null, "爆炸", null, null, null).validated());

        assertThat(e.getBody().getDetail()).startsWith("expression: a topic has either word groups or an expression");
    }

    @Test
    void an_invalid_expression_is_a_422_at_its_position() {
        InvalidExpressionException e = catchThrowableOfType(InvalidExpressionException.class, () -> new TopicDraft("n",
                "u", null, null, null, null, "(化工厂 | 爆炸", null, null, null).validated());

        assertThat(e.getStatusCode().value()).isEqualTo(422);
        assertThat(e.position()).isEqualTo(9);
    }

    @Test
    void unknown_media_types_and_malformed_sites_are_400s() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> new TopicDraft("n", "u",
                List.of("化工厂"), null, null, null, null, List.of("not a domain"), List.of("PAPER"), null).validated());

        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) e.getBody().getProperties().get("errors");
        assertThat(errors).extracting(m -> m.get("field")).containsExactly("sites", "mediaTypes");
    }

    @Test
    void the_media_types_a_topic_may_filter_on_are_those_a_post_may_have() {
        assertThat(TopicDraft.MEDIA_TYPES).containsExactlyElementsOf(
                Arrays.stream(org.yuqing.monitoring.search.Medium.values()).map(Enum::name).toList());
    }
}
