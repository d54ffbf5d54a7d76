package org.yuqing.ui.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The audit lines read so far, per source, with the position to read on from: each service answers oldest first
 * after a given id, so the view reads each source to its end once and then only what is new. A source keeps its
 * newest {@code capacity} lines. Not thread-safe: one per view.
 */
final class AuditBuffer {

    /** Newest first; the same instant is ordered by source, then by the source's own sequence, newest first. */
    static final Comparator<AuditLine> NEWEST_FIRST = Comparator
            .comparing((AuditLine line) -> line.record().occurredAt(),
                    Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).reversed()
            .thenComparing(AuditLine::source)
            .thenComparing(line -> line.record().id(), Comparator.reverseOrder());

    private final int capacity;
    private final Map<AuditSource, List<AuditRecord>> lines = new EnumMap<>(AuditSource.class);
    private final Map<AuditSource, Long> cursors = new EnumMap<>(AuditSource.class);

    /**
     * @param capacity how many lines of each source are kept, at least 1
     */
    AuditBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * @param source a source
     * @return the highest id read from it, 0 before the first read
     */
    long cursor(AuditSource source) {
        return cursors.getOrDefault(source, 0L);
    }

    /**
     * Adds lines just read from a source; a line already held (same id) is not added twice.
     *
     * @param source where they were read
     * @param read   the lines, in any order
     */
    void add(AuditSource source, Collection<AuditRecord> read) {
        List<AuditRecord> held = lines.computeIfAbsent(source, s -> new ArrayList<>());
        long cursor = cursor(source);
        for (AuditRecord record : read) {
            if (record.id() > cursor) {
                held.add(record);
            }
        }
        held.sort(Comparator.comparingLong(AuditRecord::id));
        if (held.size() > capacity) {
            held.subList(0, held.size() - capacity).clear();
        }
        read.stream().mapToLong(AuditRecord::id).max()
                .ifPresent(max -> cursors.put(source, Math.max(cursor, max)));
    }

    /** @return every line held, newest first */
    List<AuditLine> merged() {
        return merge(lines);
    }

    /**
     * Merges the lines of several sources into one list, newest first.
     *
     * @param bySource the lines of each source, in any order
     * @return one list, ordered by {@link #NEWEST_FIRST}
     */
    static List<AuditLine> merge(Map<AuditSource, ? extends Collection<AuditRecord>> bySource) {
        List<AuditLine> all = new ArrayList<>();
        bySource.forEach((source, records) -> records.forEach(record -> all.add(new AuditLine(source, record))));
        all.sort(NEWEST_FIRST);
        return all;
    }
}
