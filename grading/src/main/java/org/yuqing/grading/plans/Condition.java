package org.yuqing.grading.plans;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A condition of a plan level: a metric compared with a threshold, a set of flags that must all
 * be present, or several conditions that must all hold (e.g. "the same statement on at least two
 * sites <em>and</em> more than 1,000 reads in a day"). In JSON the kind is the {@code type} field:
 * {@code metric}, {@code flags} or {@code allOf}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MetricCondition.class, name = "metric"),
        @JsonSubTypes.Type(value = FlagsCondition.class, name = "flags"),
        @JsonSubTypes.Type(value = AllOfCondition.class, name = "allOf")})
public sealed interface Condition permits MetricCondition, FlagsCondition, AllOfCondition {

    /** The plan section this condition comes from, e.g. 六(三)3; may be {@code null} inside {@code allOf}. */
    String section();

    /** How this condition reads the plan where its text is vague; may be {@code null}. */
    String note();
}
