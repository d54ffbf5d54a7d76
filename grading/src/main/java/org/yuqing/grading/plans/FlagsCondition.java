package org.yuqing.grading.plans;

import org.yuqing.domain.IncidentFlag;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Flags that must all be set on the incident, e.g. {@code [EMERGENCY_CAUSED, CASUALTIES]}.
 *
 * @param flags   the flags, at least one, no repeats; their order is the order reasons name them
 * @param section the plan section, e.g. 六(三)4
 * @param note    how the condition reads the plan; may be {@code null}
 */
public record FlagsCondition(List<IncidentFlag> flags, String section, String note) implements Condition {

    public FlagsCondition {
        flags = List.copyOf(Objects.requireNonNull(flags, "flags"));
        if (flags.isEmpty() || new HashSet<>(flags).size() != flags.size()) {
            throw new IllegalArgumentException("a flags condition needs at least one flag and no repeats");
        }
    }
}
