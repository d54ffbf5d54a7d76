package org.yuqing.ui.grading;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.yuqing.domain.IncidentFlag;

/**
 * An incident snapshot for what-if grading: the numbers the engine grades on and the flags, as the what-if form
 * holds them. The counts are the {@code IncidentMetrics} of the domain; a count left empty is 0.
 *
 * @param title  an incident title to classify; may be blank
 * @param counts the counts by metric name (the names in {@link #COUNTS})
 * @param negativeShare share of negative posts, 0..1
 * @param flags  the flags set
 */
record Snapshot(String title, Map<String, Long> counts, double negativeShare, Set<IncidentFlag> flags) {

    /** The counts of a snapshot, in the order the form shows them; each is a query parameter of the what-if API. */
    static final List<String> COUNTS = List.of("volume", "reads", "comments", "reposts", "distinctSites",
            "mainstreamOutlets", "maxSitesPerStatement", "volume24h", "reads24h", "comments24h", "reposts24h");

    Snapshot {
        title = title == null ? "" : title.strip();
        counts = Map.copyOf(counts);
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /**
     * The snapshot as query parameters of {@code GET /api/grading/what-if}: every count that is not 0, the negative
     * share when set, the flags comma-separated and the title when given.
     */
    Map<String, Object> query() {
        Map<String, Object> query = new LinkedHashMap<>();
        for (String name : COUNTS) {
            long value = counts.getOrDefault(name, 0L);
            if (value != 0) {
                query.put(name, value);
            }
        }
        if (negativeShare > 0) {
            query.put("negativeShare", negativeShare);
        }
        if (!flags.isEmpty()) {
            query.put("flags", EnumSet.copyOf(flags).stream().map(Enum::name).collect(Collectors.joining(",")));
        }
        if (!title.isEmpty()) {
            query.put("title", title);
        }
        return query;
    }
}
