package org.yuqing.grading;

import org.springframework.core.io.ClassPathResource;
import org.yuqing.grading.plans.Plan;
import org.yuqing.grading.plans.PlanJson;
import org.yuqing.grading.plans.PlanLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Plans tests create for themselves: copies of the shipped district preset under fresh ids. */
public final class TestPlans {

    private TestPlans() {
    }

    /** The district preset exactly as shipped. */
    public static Plan district() {
        try {
            return PlanJson.read(new ClassPathResource("plans/district.json").getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh plan id starting with {@code prefix}. */
    public static String freshId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The district preset under another id and name, version 1. */
    public static Plan districtAs(String id, String name) {
        Plan district = district();
        return new Plan(id, 1, name, district.source(), district.levels(), district.notes(), district.analystGraded());
    }

    /** The district preset under another id and name, with level {@code index} changed by {@code change}. */
    public static Plan districtAs(String id, String name, int index, UnaryOperator<PlanLevel> change) {
        Plan district = districtAs(id, name);
        List<PlanLevel> levels = new java.util.ArrayList<>(district.levels());
        levels.set(index, change.apply(levels.get(index)));
        return new Plan(id, 1, name, district.source(), levels, district.notes(), district.analystGraded());
    }
}
