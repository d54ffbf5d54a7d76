/**
 * Benchmarks of monitoring (issue 4), not tests: run by the {@code bench} profile
 * ({@code ./mvnw -B -o -pl monitoring -Pbench verify [-Dbench=matcher|ingest|search|latency]}); each prints its
 * figures beside a baseline measured in the same run and writes them to {@code monitoring/target/bench/<name>.txt}.
 */
package org.yuqing.monitoring.bench;
