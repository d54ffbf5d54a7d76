package org.yuqing.grading.plans;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored and served JSON form of a {@link Plan}. It has its own mapper, configured here rather
 * than by the application, because the format is a contract of stored documents: durations are
 * ISO-8601 text ({@code PT2H}), unknown fields are refused, absent optional fields are left out.
 */
public final class PlanJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private PlanJson() {
    }

    /**
     * Reads a plan document.
     *
     * @throws tools.jackson.core.JacksonException when the text is not a plan document, has unknown
     *         fields, or breaks a rule of {@link Plan} (e.g. levels out of order)
     */
    public static Plan read(String json) {
        return MAPPER.readValue(json, Plan.class);
    }

    /**
     * Binds a plan document already read into a tree (from JSON or YAML).
     *
     * @throws tools.jackson.core.JacksonException like {@link #read(String)}
     */
    static Plan read(JsonNode document) {
        return MAPPER.treeToValue(document, Plan.class);
    }

    /** Binds one level of a plan document already read into a tree. */
    static PlanLevel readLevel(JsonNode level) {
        return MAPPER.treeToValue(level, PlanLevel.class);
    }

    /** The plan as a tree in its document form, e.g. to write it in another format. */
    static JsonNode tree(Plan plan) {
        return MAPPER.valueToTree(plan);
    }

    /** The plan as a compact JSON document. */
    public static String write(Plan plan) {
        return MAPPER.writeValueAsString(plan);
    }
}
