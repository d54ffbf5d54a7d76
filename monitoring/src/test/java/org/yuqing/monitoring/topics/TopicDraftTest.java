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
}
