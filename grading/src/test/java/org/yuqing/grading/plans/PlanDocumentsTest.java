package org.yuqing.grading.plans;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.yuqing.grading.plans.PlanDocuments.Format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class PlanDocumentsTest {

    @Test
    void every_preset_written_as_yaml_or_json_reads_back_as_an_equal_plan() throws IOException {
        List<Plan> presets = presets();

        assertThat(presets).hasSize(5);
        for (Plan preset : presets) {
            for (Format format : Format.values()) {
                String document = PlanDocuments.write(preset, format);
                assertThat(PlanDocuments.read(document, format, null)).as(preset.id() + " " + format)
                        .isEqualTo(preset);
            }
        }
    }

    @Test
    void yaml_documents_are_yaml_with_durations_as_iso_text() throws IOException {
        Plan district = presets().stream().filter(p -> p.id().equals("district")).findFirst().orElseThrow();

        String yaml = PlanDocuments.write(district, Format.YAML);

        assertThat(yaml).doesNotStartWith("{").contains("区网络舆情处置工作应急预案").contains("PT1H")
                .containsPattern("(?m)^id: \"?district\"?$");
    }

    @Test
    void a_document_with_structural_errors_lists_every_one_with_its_path() {
        String json = """
                {"id": "Bad Id", "extra": 1,
                 "levels": [
                   {"level": "GENERAL", "terms": {"reportWithin": "2 hours", "writtenReportAfterPhoneWithin": "PT30M",
                     "firstStatementWithin": "PT24H", "reviewAfterSubsidedWithin": "PT72H", "opensCase": false}},
                   {"level": "HUGE", "conditions": [
                     {"type": "metric", "metric": "LIKES", "comparator": "AT_LEAST", "value": 5, "section": "二"},
                     {"type": "flags", "flags": ["CASUALTIES", "ALIENS"], "section": "二"},
                     {"type": "sometimes"}]}
                 ]}""";

        InvalidPlanException e = catchThrowableOfType(InvalidPlanException.class,
                () -> PlanDocuments.read(json, Format.JSON, null));

        assertThat(e.getStatusCode().value()).isEqualTo(422);
        assertThat(e.errors()).extracting(PlanError::path, PlanError::kind).containsExactlyInAnyOrder(
                tuple("/extra", "UNKNOWN_FIELD"),
                tuple("/id", "INVALID_VALUE"),
                tuple("/name", "MISSING_FIELD"),
                tuple("/levels/0/terms/reportWithin", "INVALID_VALUE"),
                tuple("/levels/0/terms/statementApprovals", "MISSING_FIELD"),
                tuple("/levels/1/level", "UNKNOWN_LEVEL"),
                tuple("/levels/1/conditions/0/metric", "UNKNOWN_METRIC"),
                tuple("/levels/1/conditions/1/flags/1", "UNKNOWN_FLAG"),
                tuple("/levels/1/conditions/2/type", "UNKNOWN_CONDITION_TYPE"));
        assertThat(e.getBody().getProperties()).containsKeys("errors", "problems");
    }

    @Test
    void a_well_formed_document_breaking_plan_rules_lists_each_rule_with_its_path() throws IOException {
        Plan district = presets().stream().filter(p -> p.id().equals("district")).findFirst().orElseThrow();
        List<PlanLevel> levels = new ArrayList<>(district.levels());
        PlanLevel serious = levels.get(1);
        PlanLevel major = levels.get(2);
        PlanLevel extraordinary = levels.get(3);
        // SERIOUS reaching up to 900 posts overlaps MAJOR's "more than 500"; MAJOR loses its terms,
        // EXTRAORDINARY its conditions.
        levels.set(1, new PlanLevel(serious.level(), serious.section(), serious.summary(),
                List.of(serious.conditions().getFirst(), new MetricCondition(Metric.VOLUME, MetricComparator.AT_MOST,
                        900, "六(三)2", null)), serious.terms(), serious.note()));
        levels.set(2, new PlanLevel(major.level(), major.section(), major.summary(), major.conditions(), null, null));
        levels.set(3, new PlanLevel(extraordinary.level(), extraordinary.section(), null, List.of(),
                extraordinary.terms(), null));
        String yaml = PlanDocuments.write(new Plan("district-edit", 1, district.name(), null, levels, null),
                Format.YAML);

        InvalidPlanException e = catchThrowableOfType(InvalidPlanException.class,
                () -> PlanDocuments.read(yaml, Format.YAML, null));

        assertThat(e.errors()).extracting(PlanError::path, PlanError::kind).contains(
                tuple("/levels/2/terms", "MISSING_TERMS"),
                tuple("/levels/3/conditions", "UNREACHABLE_LEVEL"),
                tuple("/levels/1/conditions/1", "OVERLAPPING_BANDS"));
        assertThat(e.errors()).allSatisfy(error -> assertThat(error.message()).isNotBlank());
    }

    @Test
    void text_that_is_not_json_or_yaml_at_all_is_a_bad_request_not_an_invalid_plan() {
        assertThatThrownBy(() -> PlanDocuments.read("{ not json", Format.JSON, null))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
        assertThatThrownBy(() -> PlanDocuments.read("levels: [unclosed", Format.YAML, null))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
    }

    @Test
    void the_format_follows_the_content_type_and_other_types_are_refused() {
        assertThat(Format.of(MediaType.parseMediaType("application/yaml"))).isEqualTo(Format.YAML);
        assertThat(Format.of(MediaType.parseMediaType("text/x-yaml"))).isEqualTo(Format.YAML);
        assertThat(Format.of(MediaType.parseMediaType("application/json;charset=UTF-8"))).isEqualTo(Format.JSON);
        assertThatThrownBy(() -> Format.of(MediaType.TEXT_PLAIN)).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(415));
        assertThatThrownBy(() -> Format.named("xml")).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
    }

    private static List<Plan> presets() throws IOException {
        List<Plan> plans = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:plans/*.json")) {
            plans.add(PlanJson.read(r.getContentAsString(StandardCharsets.UTF_8)));
        }
        return plans;
    }
}
