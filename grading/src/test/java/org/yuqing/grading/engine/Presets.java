package org.yuqing.grading.engine;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yuqing.grading.plans.Plan;
import org.yuqing.grading.plans.PlanJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Every preset plan exactly as shipped on the classpath, the same set the service stores at startup. */
final class Presets {

    static final List<Plan> ALL = load();

    private Presets() {
    }

    static Plan byId(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<Plan> load() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:plans/*.json");
            return Stream.of(resources).map(Presets::read).sorted(Comparator.comparing(Plan::id)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Plan read(Resource resource) {
        try {
            return PlanJson.read(resource.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
