package org.yuqing.ui.cases;

import java.time.Instant;
import java.util.List;

/**
 * The heat of a case's incident over time as {@code GET /api/casework/cases/{id}/heat} gives it: monitoring's
 * measurements, oldest first.
 *
 * @param caseId     the case
 * @param incidentId its incident
 * @param points     the measurements; empty when monitoring reported none
 */
record HeatSeries(String caseId, String incidentId, List<Point> points) {

    /** Normalises a missing list to an empty one. */
    HeatSeries {
        points = points == null ? List.of() : List.copyOf(points);
    }

    /**
     * One measurement.
     *
     * @param at            when monitoring measured it
     * @param volume        posts (舆情总量)
     * @param reads         reads (阅读量)
     * @param comments      comments (评论量)
     * @param reposts       reposts (转发量)
     * @param sites         distinct sites (涉及网站)
     * @param mainstream    mainstream-media outlets (主流媒体)
     * @param negativeShare share of negative posts, 0..1
     */
    record Point(Instant at, long volume, long reads, long comments, long reposts, int sites, int mainstream,
                 double negativeShare) {
    }
}
