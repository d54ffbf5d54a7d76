package org.yuqing.grading.whatif;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.domain.Category;
import org.yuqing.domain.IncidentFlag;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.Level;
import org.yuqing.domain.ResponseTerms;
import org.yuqing.grading.classification.Classification;
import org.yuqing.grading.classification.LexiconRepository;
import org.yuqing.grading.engine.Grade;
import org.yuqing.grading.engine.GradingEngine;
import org.yuqing.grading.plans.Plan;
import org.yuqing.grading.plans.PlanRepository;
import org.yuqing.grading.plans.UnknownPlanException;

import java.util.List;
import java.util.Set;

/**
 * What-if grading; nothing is stored. {@code POST /api/grading/what-if}: the grade a plan would give the metrics.
 * {@code GET /api/grading/what-if?planId=&planVersion=&title=&volume=&reads=…&flags=CASUALTIES,…}: the same with
 * the metrics as query parameters (so a what-if can be linked, e.g. from an incident with its own numbers); without
 * {@code planId} the default plan grades.
 * {@code POST /api/grading/what-if/compare} with {@code {snapshot, planA: {id, version?}, planB: {…}}}: the grades two
 * plans (or two versions of one) give the same metrics side by side, with the conditions that differ
 * ({@link PlanComparison}); {@code GET /api/grading/what-if/compare?planA=&planAVersion=&planB=&planBVersion=&volume=…}
 * the same with query parameters. An absent version means the latest; an unknown plan or version is a 404 problem,
 * a malformed or negative number or an unknown flag a 400 problem.
 */
@RestController
class WhatIfController {

    private final PlanRepository plans;
    private final LexiconRepository lexicons;
    private final String defaultPlanId;

    WhatIfController(PlanRepository plans, LexiconRepository lexicons,
                     @Value("${yuqing.grading.default-plan-id:district}") String defaultPlanId) {
        this.plans = plans;
        this.lexicons = lexicons;
        this.defaultPlanId = defaultPlanId;
    }

    @PostMapping("/api/grading/what-if")
    WhatIfGrade whatIf(@Valid @RequestBody WhatIfRequest request) {
        return grade(new PlanRef(request.planId(), request.planVersion()), request.title(), request.metrics());
    }

    @GetMapping("/api/grading/what-if")
    WhatIfGrade whatIfByQuery(@RequestParam(required = false) String planId,
                              @RequestParam(required = false) @Positive Integer planVersion,
                              @RequestParam(required = false) String title,
                              @Valid @ModelAttribute WhatIfMetrics metrics) {
        String plan = planId == null || planId.isBlank() ? defaultPlanId : planId;
        return grade(new PlanRef(plan, planVersion), title, metrics);
    }

    @GetMapping("/api/grading/what-if/compare")
    PlanComparison compareByQuery(@RequestParam String planA, @RequestParam(required = false) @Positive Integer planAVersion,
                                  @RequestParam String planB, @RequestParam(required = false) @Positive Integer planBVersion,
                                  @Valid @ModelAttribute WhatIfMetrics metrics) {
        return PlanComparison.of(metrics.toMetrics(), plan(new PlanRef(planA, planAVersion)),
                plan(new PlanRef(planB, planBVersion)));
    }

    private WhatIfGrade grade(PlanRef ref, String title, WhatIfMetrics metrics) {
        Plan plan = plan(ref);
        Grade grade = GradingEngine.grade(metrics.toMetrics(), plan);
        Classification classification = lexicons.classifier().classify(title);
        Category category = classification.category();
        return new WhatIfGrade(plan.id(), plan.version(), plan.name(), grade.level(), grade.level().chineseName(),
                category, category.chineseName(), classification.confidence(), classification.decidingWords(),
                grade.reasons(), plan.level(grade.level()).orElseThrow().terms());
    }

    @PostMapping("/api/grading/what-if/compare")
    PlanComparison compare(@Valid @RequestBody CompareRequest request) {
        return PlanComparison.of(request.snapshot().toMetrics(), plan(request.planA()), plan(request.planB()));
    }

    private Plan plan(PlanRef ref) {
        return ref.version() == null
                ? plans.latest(ref.id()).orElseThrow(() -> new UnknownPlanException(ref.id()))
                : plans.version(ref.id(), ref.version()).orElseThrow(() -> new UnknownPlanException(ref.id(),
                        ref.version()));
    }

    /**
     * @param snapshot the metrics both plans grade
     * @param planA    the first plan
     * @param planB    the second plan
     */
    record CompareRequest(@NotNull @Valid WhatIfMetrics snapshot, @NotNull @Valid PlanRef planA,
                          @NotNull @Valid PlanRef planB) {
    }

    /**
     * @param id      a plan id
     * @param version its version; the latest when absent
     */
    record PlanRef(@NotBlank String id, @Positive Integer version) {
    }

    /**
     * @param planId      the plan to grade by
     * @param planVersion its version; the latest when absent
     * @param title       an incident title to classify; may be absent
     * @param metrics     the metrics to grade
     */
    record WhatIfRequest(@NotBlank String planId, @Positive Integer planVersion, String title,
                         @NotNull @Valid WhatIfMetrics metrics) {
    }

    /**
     * The metrics of {@link IncidentMetrics}, each optional: an absent count is 0, absent flags none.
     */
    record WhatIfMetrics(@PositiveOrZero Long volume, @PositiveOrZero Long reads, @PositiveOrZero Long comments,
                         @PositiveOrZero Long reposts, @PositiveOrZero Integer distinctSites,
                         @PositiveOrZero Integer mainstreamOutlets, @PositiveOrZero Integer maxSitesPerStatement,
                         @PositiveOrZero Long volume24h, @PositiveOrZero Long reads24h,
                         @PositiveOrZero Long comments24h, @PositiveOrZero Long reposts24h,
                         @DecimalMin("0") @DecimalMax("1") Double negativeShare, Set<IncidentFlag> flags) {

        IncidentMetrics toMetrics() {
            return new IncidentMetrics(n(volume), n(reads), n(comments), n(reposts), n(distinctSites),
                    n(mainstreamOutlets), n(maxSitesPerStatement), n(volume24h), n(reads24h), n(comments24h),
                    n(reposts24h), negativeShare == null ? 0 : negativeShare, flags == null ? Set.of() : flags);
        }

        private static long n(Long value) {
            return value == null ? 0 : value;
        }

        private static int n(Integer value) {
            return value == null ? 0 : value;
        }
    }

    /**
     * The grade, as {@code IncidentGraded} would carry it, with the classification's confidence (0..1)
     * and deciding words.
     */
    record WhatIfGrade(String planId, int planVersion, String planName, Level level, String levelName,
                       Category category, String categoryName, double categoryConfidence,
                       List<String> decidingWords, List<String> reasons, ResponseTerms terms) {
    }
}
