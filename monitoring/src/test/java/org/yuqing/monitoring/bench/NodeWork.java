package org.yuqing.monitoring.bench;

import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.util.Locale;

/**
 * What the Elasticsearch node did while a benchmark side ran, from its own statistics: time spent indexing (summed over
 * its threads, waiting for a core included), merging, refreshes, flushes, bulk requests and garbage collection. Beside
 * {@link CpuMeter}'s CPU seconds it tells extra work (merges, refreshes, collections) from the same work done slower.
 */
final class NodeWork {

    private static final String STATS = "/_nodes/stats/jvm,indices,thread_pool?filter_path="
            + "nodes.*.indices.indexing.index_time_in_millis,nodes.*.indices.indexing.index_total,"
            + "nodes.*.indices.merges.total_time_in_millis,nodes.*.indices.refresh.total,nodes.*.indices.flush.total,"
            + "nodes.*.thread_pool.write.completed,nodes.*.jvm.gc.collectors.*.collection_time_in_millis";

    private final long indexingMillis;
    private final long documents;
    private final long mergeMillis;
    private final long refreshes;
    private final long flushes;
    private final long bulks;
    private final long gcMillis;

    private NodeWork(JsonNode nodes) {
        long indexing = 0;
        long docs = 0;
        long merges = 0;
        long refresh = 0;
        long flush = 0;
        long writes = 0;
        long gc = 0;
        for (JsonNode node : nodes.path("nodes")) {
            JsonNode indices = node.path("indices");
            indexing += indices.path("indexing").path("index_time_in_millis").asLong();
            docs += indices.path("indexing").path("index_total").asLong();
            merges += indices.path("merges").path("total_time_in_millis").asLong();
            refresh += indices.path("refresh").path("total").asLong();
            flush += indices.path("flush").path("total").asLong();
            writes += node.path("thread_pool").path("write").path("completed").asLong();
            for (JsonNode collector : node.path("jvm").path("gc").path("collectors")) {
                gc += collector.path("collection_time_in_millis").asLong();
            }
        }
        this.indexingMillis = indexing;
        this.documents = docs;
        this.mergeMillis = merges;
        this.refreshes = refresh;
        this.flushes = flush;
        this.bulks = writes;
        this.gcMillis = gc;
    }

    /** The node's counters now. */
    static NodeWork now() {
        String body = BenchStack.send(HttpRequest.newBuilder(BenchStack.elasticsearch().httpUri().resolve(STATS))).body();
        return new NodeWork(BenchStack.JSON.readTree(body));
    }

    /** "indexing 5.2 s for 10,000 documents in 50 shard bulks, merging 0.0 s, …" for the interval since {@code start}. */
    String since(NodeWork start) {
        return String.format(Locale.ROOT, "Elasticsearch indexing %.1f s for %,d documents in %,d shard bulks, merging "
                        + "%.1f s, %d refreshes, %d flushes, GC %.2f s",
                (indexingMillis - start.indexingMillis) / 1e3, documents - start.documents, bulks - start.bulks,
                (mergeMillis - start.mergeMillis) / 1e3, refreshes - start.refreshes, flushes - start.flushes,
                (gcMillis - start.gcMillis) / 1e3);
    }
}
