package org.yuqing.monitoring.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One benchmark's result: a few lines of context, then the table of figures (what, target, figure, baseline from the
 * same run), printed and written to {@code <bench.out>/<name>.txt} ({@code monitoring/target/bench} under Maven).
 */
final class Report {

    private final String name;
    private final List<String> notes = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    Report(String name, String title) {
        this.name = name;
        notes.add("# " + title);
        notes.add("taken " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + Runtime.version() + ", load average "
                + String.format(Locale.ROOT, "%.1f", loadAverage()) + " at the start"
                + (loadAverage() > 1.5 ? " (the machine was busy: other builds ran meanwhile)" : ""));
    }

    /** A line of context above the table. */
    Report note(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        notes.add(line);
        System.out.println("[bench " + name + "] " + line);
        return this;
    }

    /** A row of the table. */
    Report row(String what, String target, String measured, String baseline, String holds) {
        rows.add(new String[]{what, target, measured, baseline, holds});
        return this;
    }

    /** Prints the report and writes it to its file. */
    void finish() {
        StringBuilder out = new StringBuilder();
        notes.forEach(n -> out.append(n).append('\n'));
        out.append('\n');
        String[] head = {"what", "target", "measured", "baseline in the same run", "target holds"};
        out.append(line(head)).append('\n');
        out.append("|---|---|---|---|---|\n");
        rows.forEach(r -> out.append(line(r)).append('\n'));
        System.out.println();
        System.out.print(out);
        System.out.println();
        Path dir = Path.of(System.getProperty("bench.out", "target/bench"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".txt"), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[bench " + name + "] written to " + dir.resolve(name + ".txt").toAbsolutePath());
    }

    private static String line(String[] cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String perSecond(double value) {
        return String.format(Locale.ROOT, "%,.0f posts/s", value);
    }

    static String yesNo(boolean holds) {
        return holds ? "yes" : "NO";
    }

    /** Latency samples in nanoseconds, summarised in milliseconds. */
    static final class Latencies {

        private long[] samples = new long[256];
        private int size;

        synchronized void add(long nanos) {
            if (size == samples.length) {
                samples = Arrays.copyOf(samples, size * 2);
            }
            samples[size++] = nanos;
        }

        synchronized int count() {
            return size;
        }

        synchronized double mean() {
            return Arrays.stream(samples, 0, size).average().orElse(Double.NaN) / 1e6;
        }

        /** The p-th percentile (nearest rank), in milliseconds. */
        synchronized double percentile(double p) {
            if (size == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(samples, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * size);
            return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
        }

        /** "mean 12.3 / p50 11.0 / p95 20.1 / p99 25.0 ms (n=200)". */
        String summary() {
            return String.format(Locale.ROOT, "mean %.1f / p50 %.1f / p95 %.1f / p99 %.1f ms (n=%d)",
                    mean(), percentile(50), percentile(95), percentile(99), count());
        }
    }
}
