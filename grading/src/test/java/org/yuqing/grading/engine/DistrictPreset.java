package org.yuqing.grading.engine;

import org.yuqing.grading.plans.Plan;
import org.yuqing.grading.plans.PlanJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The district preset exactly as shipped on the classpath. */
final class DistrictPreset {

    static final Plan PLAN = load();

    private DistrictPreset() {
    }

    private static Plan load() {
        try (InputStream in = DistrictPreset.class.getResourceAsStream("/plans/district.json")) {
            return PlanJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
