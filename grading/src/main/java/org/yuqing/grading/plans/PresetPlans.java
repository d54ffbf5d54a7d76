package org.yuqing.grading.plans;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Stores the preset plans shipped as {@code classpath:plans/*.json} at startup, each version that
 * is not stored yet, after checking each with {@link PlanValidator}: an invalid preset stops the
 * start with every error named. Runs before the feed consumers start, so the first event finds its plan.
 */
@Component
class PresetPlans implements InitializingBean {

    private static final System.Logger LOG = System.getLogger(PresetPlans.class.getName());
    static final String LOCATION = "classpath*:plans/*.json";

    private final PlanRepository plans;
    private final ResourcePatternResolver resources;

    PresetPlans(PlanRepository plans, ResourcePatternResolver resources) {
        this.plans = plans;
        this.resources = resources;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            for (Resource resource : resources.getResources(LOCATION)) {
                Plan plan = PlanJson.read(resource.getContentAsString(StandardCharsets.UTF_8));
                List<PlanProblem> problems = PlanValidator.problems(plan);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("preset plan " + resource.getFilename() + " is invalid: "
                            + String.join("; ", problems.stream().map(PlanProblem::message).toList()));
                }
                if (plans.insertIfAbsent(plan)) {
                    LOG.log(System.Logger.Level.INFO, "stored preset plan {0} version {1}", plan.id(), plan.version());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("preset plans cannot be read from " + LOCATION, e);
        }
    }
}
