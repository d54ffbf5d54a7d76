package org.yuqing.grading.engine;

import org.junit.jupiter.api.Test;
import org.yuqing.domain.IncidentFlag;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.domain.Level;
import org.yuqing.grading.plans.Plan;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Property: more of any metric, or one more flag, never lowers the district grade. */
class MonotonicGradingTest {

    private static final Plan DISTRICT = DistrictPreset.PLAN;
    private static final int METRICS = 11;

    @Test
    void more_of_any_metric_or_another_flag_never_lowers_the_level() {
        Random random = new Random(20261121L);
        EnumSet<Level> seen = EnumSet.noneOf(Level.class);
        for (int i = 0; i < 20_000; i++) {
            long[] values = randomValues(random);
            Set<IncidentFlag> flags = randomFlags(random);
            IncidentMetrics before = metrics(values, flags);
            Level levelBefore = GradingEngine.grade(before, DISTRICT).level();
            seen.add(levelBefore);

            long[] more = values.clone();
            int which = random.nextInt(METRICS);
            more[which] += 1 + random.nextInt(random.nextBoolean() ? 3 : 1_000);
            Set<IncidentFlag> moreFlags = EnumSet.noneOf(IncidentFlag.class);
            moreFlags.addAll(flags);
            if (random.nextInt(4) == 0) {
                moreFlags.add(IncidentFlag.values()[random.nextInt(IncidentFlag.values().length)]);
            }
            IncidentMetrics after = metrics(more, moreFlags);

            assertThat(GradingEngine.grade(after, DISTRICT).level())
                    .as("%s then %s", before, after)
                    .isGreaterThanOrEqualTo(levelBefore);
        }
        // The random walk must cross every boundary, or the property proves little.
        assertThat(seen).containsExactlyInAnyOrder(Level.values());
    }

    private static long[] randomValues(Random random) {
        long[] values = new long[METRICS];
        for (int m = 0; m < METRICS; m++) {
            // Mostly near the district boundaries (0/1, 50/51, 500/501), sometimes anywhere.
            values[m] = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(3);
                case 1 -> 48 + random.nextInt(6);
                case 2 -> 497 + random.nextInt(6);
                default -> random.nextInt(100_000);
            };
        }
        // Mainstream outlets are rare: keep them at 0 half of the time so lower levels occur.
        if (random.nextBoolean()) {
            values[5] = 0;
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
        return new IncidentMetrics(v[0], v[1], v[2], v[3], (int) v[4], (int) v[5], (int) v[6], v[7], v[8], v[9],
                v[10], 0, flags);
    }
}
