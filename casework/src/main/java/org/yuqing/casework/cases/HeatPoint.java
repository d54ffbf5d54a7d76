package org.yuqing.casework.cases;

import java.time.Instant;

/**
 * The heat of an incident at one moment, as monitoring reported it (IncidentDetected, IncidentMetricsChanged).
 *
 * @param at            when monitoring measured it (the event's time, UTC)
 * @param volume        posts (舆情总量)
 * @param reads         reads or clicks (阅读量)
 * @param comments      comments (评论量)
 * @param reposts       reposts (转发量)
 * @param sites         distinct sites carrying it (涉及网站)
 * @param mainstream    mainstream-media outlets carrying it (主流媒体)
 * @param negativeShare estimated share of negative posts, 0..1 (负面占比)
 */
public record HeatPoint(Instant at, long volume, long reads, long comments, long reposts, int sites, int mainstream,
                        double negativeShare) {
}
