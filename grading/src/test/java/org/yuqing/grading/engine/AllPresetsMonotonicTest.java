package org.yuqing.grading.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yuqing.domain.IncidentFlag;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.Level;
import org.yuqing.grading.plans.AllOfCondition;
import org.yuqing.grading.plans.Condition;
import org.yuqing.grading.plans.FlagsCondition;
import org.yuqing.grading.plans.MetricCondition;
import org.yuqing.grading.plans.Plan;
import org.yuqing.grading.plans.PlanLevel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property over every shipped preset: more of any metric, or one more flag, never lowers the level.
 * Values are drawn mostly around each plan's own thresholds, so every boundary gets crossed.
 */
class AllPresetsMonotonicTest {

    private static final int METRICS = 11;
    static final List<Plan> PRESETS = Presets.ALL;

    @Test
    void all_five_presets_are_shipped() {
        assertThat(PRESETS).extracting(Plan::id).containsExactlyInAnyOrder(
                "district", "work-safety", "enterprise", "county-education", "municipal-ethnic-religious");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("PRESETS")
    void more_of_any_metric_or_another_flag_never_lowers_the_level(Plan plan) {
        Random random = new Random(plan.id().hashCode());
        long[] thresholds = thresholds(plan);
        Set<Level> seen = EnumSet.noneOf(Level.class);
        for (int i = 0; i < 20_000; i++) {
            long[] values = randomValues(random, thresholds);
            Set<IncidentFlag> flags = randomFlags(random);
            IncidentMetrics before = metrics(values, flags);
            Level levelBefore = GradingEngine.grade(before, plan).level();
            seen.add(levelBefore);

            long[] more = values.clone();
            more[random.nextInt(METRICS)] += 1 + random.nextInt(random.nextBoolean() ? 3 : 1_000);
            Set<IncidentFlag> moreFlags = EnumSet.noneOf(IncidentFlag.class);
            moreFlags.addAll(flags);
            if (random.nextInt(4) == 0) {
                moreFlags.add(IncidentFlag.values()[random.nextInt(IncidentFlag.values().length)]);
            }
            IncidentMetrics after = metrics(more, moreFlags);

            assertThat(GradingEngine.grade(after, plan).level())
                    .as("%s: %s then %s", plan.id(), before, after)
                    .isGreaterThanOrEqualTo(levelBefore);
        }
        // The walk must reach every level a condition can reach, or the property proves little.
        Set<Level> reachable = plan.levels().stream()
                .filter(l -> l == plan.lowest() || !l.conditions().isEmpty())
                .map(PlanLevel::level).collect(Collectors.toSet());
        assertThat(seen).as(plan.id()).containsExactlyInAnyOrderElementsOf(reachable);
    }

    /** Every threshold the plan compares any metric with: values are drawn around these. */
    private static long[] thresholds(Plan plan) {
        List<MetricCondition> all = new ArrayList<>();
        plan.levels().forEach(l -> l.conditions().forEach(c -> collect(c, all)));
        return all.stream().mapToLong(MetricCondition::value).distinct().toArray();
    }

    private static void collect(Condition condition, List<MetricCondition> into) {
        switch (condition) {
            case MetricCondition m -> into.add(m);
            case FlagsCondition f -> { }
            case AllOfCondition all -> all.conditions().forEach(c -> collect(c, into));
        }
    }

    private static long[] randomValues(Random random, long[] thresholds) {
        long[] values = new long[METRICS];
        for (int m = 0; m < METRICS; m++) {
            values[m] = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(3);
                case 1, 2 -> thresholds.length == 0 ? random.nextInt(3)
                        : Math.max(0, thresholds[random.nextInt(thresholds.length)] - 2 + random.nextInt(5));
                default -> random.nextInt(100_000);
            };
            // Keep most counts low half of the time, so lower levels occur too.
            if (random.nextInt(3) == 0) {
                values[m] = random.nextInt(3);
            }
        }
        return values;
    }

    private static Set<IncidentFlag> randomFlags(Random random) {
        Set<IncidentFlag> flags = EnumSet.noneOf(IncidentFlag.class);
        for (IncidentFlag flag : IncidentFlag.values()) {
            if (random.nextInt(6) == 0) {
                flags.add(flag);
            }
        }
        return flags;
    }

    private static IncidentMetrics metrics(long[] v, Set<IncidentFlag> flags) {
        return new IncidentMetrics(v[0], v[2], v[4], v[6], (int) v[8], (int) v[9], (int) v[10], v[1], v[3], v[5],
                v[7], 0, flags);
    }
}
