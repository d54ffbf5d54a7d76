package org.yuqing.monitoring.bench;

import java.util.List;
import java.util.Locale;

/**
 * Entry point of the {@code bench} profile: runs the benchmarks named by {@code -Dbench} (comma-separated:
 * {@code matcher}, {@code ingest}, {@code search}, {@code latency}; default {@code all}), each on its own.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    /** Runs the chosen benchmarks in turn; a failing one is reported and the others still run. */
    public static void main(String[] args) throws Throwable {
        String chosen = System.getProperty("bench", "all").strip().toLowerCase(Locale.ROOT);
        List<String> names = chosen.equals("all") ? List.of("matcher", "search", "ingest", "latency")
                : List.of(chosen.split("\\s*,\\s*"));
        // The test issuer's JWKS server (com.sun.net.httpserver) has no stop method; its dispatcher thread inherits
        // the daemon flag of the thread that starts it, so start it from a daemon thread: Maven's exec:java waits for
        // every non-daemon thread before it ends.
        Thread issuer = Thread.ofPlatform().daemon().start(() -> org.yuqing.security.TestTokens.shared().jwkSetUri());
        issuer.join();
        Throwable failure = null;
        try {
            for (String name : names) {
                try {
                    switch (name) {
                        case "matcher" -> MatcherBenchmark.run();
                        case "ingest" -> IngestBenchmark.run();
                        case "search" -> SearchBenchmark.run();
                        case "latency" -> LatencyBenchmark.run();
                        default -> throw new IllegalArgumentException("unknown benchmark " + name
                                + "; choose from matcher, ingest, search, latency, all");
                    }
                } catch (Throwable e) {
                    System.out.println("[bench " + name + "] FAILED: " + e);
                    e.printStackTrace(System.out);
                    failure = failure == null ? e : failure;
                }
            }
        } finally {
            BenchStack.closeAll();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
