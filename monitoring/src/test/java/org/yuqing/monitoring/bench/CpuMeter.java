package org.yuqing.monitoring.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time spent by the three parts of the local stack while a benchmark runs: this JVM (the service and the
 * benchmark's own senders), Elasticsearch and PostgreSQL, read from {@code /proc} (Linux; zero elsewhere). It shows where
 * the cores went, beside the throughput figures.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;

    private final double jvm;
    private final double elasticsearch;
    private final double postgres;

    private CpuMeter(double jvm, double elasticsearch, double postgres) {
        this.jvm = jvm;
        this.elasticsearch = elasticsearch;
        this.postgres = postgres;
    }

    /** CPU seconds used so far by each part. */
    static CpuMeter now() {
        double jvm = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime() / 1e9;
        double es = 0;
        double pg = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) processes::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String command = commandLine(p);
                if (command.contains("org.elasticsearch.bootstrap")) {
                    es += seconds(p);
                } else if (command.startsWith("postgres") || command.contains("/bin/postgres")) {
                    pg += seconds(p);
                }
            }
        } catch (IOException e) {
            // no /proc: the figures stay zero
        }
        return new CpuMeter(jvm, es, pg);
    }

    /** "service JVM 12.3 s, Elasticsearch 45.6 s, PostgreSQL 7.8 s of CPU (…)" for the interval since {@code start}. */
    String since(CpuMeter start, double seconds) {
        double j = jvm - start.jvm;
        double e = elasticsearch - start.elasticsearch;
        double p = postgres - start.postgres;
        return String.format(Locale.ROOT, "CPU: this JVM %.1f s, Elasticsearch %.1f s, PostgreSQL %.1f s "
                + "(%.2f of %d cores busy over %.1f s)", j, e, p, (j + e + p) / seconds,
                Runtime.getRuntime().availableProcessors(), seconds);
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** User and system time of the process, its threads and its waited-for children. */
    private static double seconds(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]))
                    / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
