package org.yuqing.grading.engine;

import org.yuqing.domain.IncidentFlag;
import org.yuqing.domain.IncidentMetrics;
import org.yuqing.grading.plans.Plan;

import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * Benchmark, not a test (run by the {@code bench} profile, see grading/pom.xml): grades random
 * incident snapshots with each preset on one thread, after a warm-up, and prints gradings per second.
 * The baseline, measured in the same run, is the cost of creating the same snapshots and making one
 * trivial threshold comparison, so the figures show what grading itself adds.
 * <p>
 * System properties: {@code bench.warmupSeconds} (default 2), {@code bench.seconds} (default 3).
 */
public final class GradingBenchmark {

    private static final IncidentFlag[] FLAGS = IncidentFlag.values();
    private static final int BATCH = 1_024;

    private GradingBenchmark() {
    }

    /** Runs the benchmark and prints one line per measurement. */
    public static void main(String[] args) {
        double warmup = Double.parseDouble(System.getProperty("bench.warmupSeconds", "2"));
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "3"));
        System.out.printf(Locale.ROOT, "grading benchmark: 1 thread, %.0f s warm-up, %.0f s measured, %s %s%n",
                warmup, seconds, System.getProperty("java.vm.name"), Runtime.version());

        Result baseline = measure(metrics -> metrics.volume() > 500 ? 1 : 0, warmup, seconds);
        System.out.printf(Locale.ROOT, "%-28s %,12.0f ops/s   %7.1f ns/op%n",
                "baseline (snapshot + 1 cmp)", baseline.perSecond(), baseline.nanosPerOp());
        long sink = baseline.sink();
        for (Plan plan : Presets.ALL) {
            Result result = measure(metrics -> {
                Grade grade = GradingEngine.grade(metrics, plan);
                return grade.level().ordinal() + grade.reasons().size();
            }, warmup, seconds);
            sink += result.sink();
            System.out.printf(Locale.ROOT, "%-28s %,12.0f gradings/s %7.1f ns/op  (grading alone ≈ %.1f ns)%n",
                    plan.id(), result.perSecond(), result.nanosPerOp(), result.nanosPerOp() - baseline.nanosPerOp());
        }
        // Printed so the JIT cannot drop the work whose result it is.
        System.out.println("checksum " + sink);
    }

    private static Result measure(ToLongFunction<IncidentMetrics> work, double warmupSeconds, double seconds) {
        run(work, new SplittableRandom(1), (long) (warmupSeconds * 1e9));
        return run(work, new SplittableRandom(2), (long) (seconds * 1e9));
    }

    private static Result run(ToLongFunction<IncidentMetrics> work, SplittableRandom random, long nanos) {
        long sink = 0;
        long ops = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (int i = 0; i < BATCH; i++) {
                sink += work.applyAsLong(snapshot(random));
            }
            ops += BATCH;
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        return new Result(ops, elapsed, sink);
    }

    /** A random snapshot, its counts spread over several orders of magnitude so every level occurs. */
    private static IncidentMetrics snapshot(SplittableRandom r) {
        int scale = r.nextInt(6);
        long bound = switch (scale) {
            case 0 -> 10;
            case 1 -> 200;
            case 2 -> 1_500;
            case 3 -> 12_000;
            case 4 -> 60_000;
            default -> 1_000_000;
        };
        int flagBits = r.nextInt(256);
        Set<IncidentFlag> flags = switch (flagBits & 0b111) {
            case 0 -> Set.of(FLAGS[flagBits >>> 3 & 3]);
            case 1 -> Set.of(FLAGS[flagBits >>> 3 & 3], FLAGS[4 + (flagBits >>> 5 & 1)]);
            default -> Set.of();
        };
        return new IncidentMetrics(r.nextLong(bound), r.nextLong(bound * 10), r.nextLong(bound), r.nextLong(bound),
                r.nextInt(20), r.nextInt(7), r.nextInt(4), r.nextLong(bound), r.nextLong(bound * 10),
                r.nextLong(bound), r.nextLong(bound), r.nextDouble(), flags);
    }

    private record Result(long ops, long nanos, long sink) {
        double perSecond() {
            return ops * 1e9 / nanos;
        }

        double nanosPerOp() {
            return (double) nanos / ops;
        }
    }
}
