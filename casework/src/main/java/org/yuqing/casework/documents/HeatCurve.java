package org.yuqing.casework.documents;

import org.yuqing.domain.Level;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heat of a case over time. Casework keeps monitoring's measurements of the incident (IncidentDetected,
 * IncidentMetricsChanged): when there are any, the curve is the measured 舆情总量 from detection on. Without them it
 * falls back to the figures the grades cite: every grade on the case's timeline (立案, 升级, 研判更新) cites the
 * figures that fired its conditions, e.g. {@code 舆情总量 612 篇 > 500 — 区网络舆情处置工作应急预案 六(三)3}, and the
 * curve is the most often cited figure (舆情总量 first among equals) at each grade. Either way it runs over the
 * levels in force, with the reports and releases marked. Without any figure the curve is the level itself.
 *
 * @param metric  the metric plotted, e.g. 舆情总量, or empty when the grades cite none
 * @param unit    its counting unit, e.g. 篇 (empty when there is no metric)
 * @param points  its values at the grades, oldest first
 * @param levels  the level in force from each grade on, oldest first; the first starts at {@code from}
 * @param markers reports and releases
 * @param from    start of the time axis (the case's opening, or an earlier entry)
 * @param to      end of the time axis (the last entry of the timeline, at least one hour after {@code from})
 * @param measured whether the points are monitoring's measurements (else the figures the grades cite)
 */
record HeatCurve(Optional<String> metric, String unit, List<Point> points, List<LevelChange> levels,
                 List<Marker> markers, Instant from, Instant to, boolean measured) {

    /** How grading writes a cited figure: name, value, unit, comparison, threshold. */
    private static final Pattern FIGURE = Pattern.compile("^(\\S+) (\\d+) (\\S+) (?:≥|>|≤|<|=) \\d+");
    /** The measured metric plotted. */
    private static final String VOLUME = "舆情总量";
    /** Which figure wins a tie, most telling first. */
    private static final List<String> PREFERENCE = List.of("舆情总量", "24小时舆情量", "阅读量", "24小时阅读量", "评论量",
            "24小时评论量", "转发量", "24小时转发量", "涉及网站", "主流媒体", "同一信息网站数");

    HeatCurve {
        points = List.copyOf(points);
        levels = List.copyOf(levels);
        markers = List.copyOf(markers);
    }

    /** A value of the metric at a grade. */
    record Point(Instant at, long value) {
    }

    /** The level in force from {@code at}. */
    record LevelChange(Instant at, Level level) {
    }

    /**
     * A moment worth marking on the time axis.
     *
     * @param kind {@code REPORTED} or {@code STATEMENT_PUBLISHED}
     */
    record Marker(Instant at, String kind) {
    }

    /** The curve of a case. */
    static HeatCurve of(CaseDossier dossier) {
        Instant from = dossier.timeline().stream().map(CaseDossier.Entry::at).filter(at -> at.isBefore(dossier.openedAt()))
                .min(Comparator.naturalOrder()).orElse(dossier.openedAt());
        if (!dossier.heat().isEmpty() && dossier.heat().getFirst().at().isBefore(from)) {
            from = dossier.heat().getFirst().at();
        }
        Instant to = from.plus(Duration.ofHours(1));
        if (!dossier.heat().isEmpty() && dossier.heat().getLast().at().isAfter(to)) {
            to = dossier.heat().getLast().at();
        }
        List<CaseDossier.Entry> grades = new ArrayList<>();
        List<Marker> markers = new ArrayList<>();
        for (CaseDossier.Entry e : dossier.timeline()) {
            if (e.at().isAfter(to)) {
                to = e.at();
            }
            switch (e.kind()) {
                case "CASE_OPENED", "ESCALATED", "REGRADED" -> grades.add(e);
                case "REPORTED", "STATEMENT_PUBLISHED" -> markers.add(new Marker(e.at(), e.kind()));
                default -> {
                    // Other entries say nothing about the heat.
                }
            }
        }
        List<LevelChange> levels = new ArrayList<>();
        Level current = null;
        for (CaseDossier.Entry g : grades) {
            Level level = level(g.detail()).orElse(current);
            if (level != null && level != current) {
                levels.add(new LevelChange(levels.isEmpty() ? from : g.at(), level));
                current = level;
            }
        }
        if (levels.isEmpty()) {
            levels.add(new LevelChange(from, dossier.level()));
        }
        if (!dossier.heat().isEmpty()) {
            List<Point> measured = dossier.heat().stream().map(h -> new Point(h.at(), h.volume())).toList();
            return new HeatCurve(Optional.of(VOLUME), "篇", measured, levels, markers, from, to, true);
        }
        // The figures each grade cites, by metric.
        Map<String, List<Point>> series = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (CaseDossier.Entry g : grades) {
            for (JsonNode reason : g.detail().path("reasons")) {
                Matcher m = FIGURE.matcher(reason.asString(""));
                if (m.find()) {
                    List<Point> points = series.computeIfAbsent(m.group(1), k -> new ArrayList<>());
                    if (points.isEmpty() || !points.getLast().at().equals(g.at())) {
                        points.add(new Point(g.at(), Long.parseLong(m.group(2))));
                    }
                    units.putIfAbsent(m.group(1), m.group(3));
                }
            }
        }
        Optional<String> metric = series.keySet().stream().max(Comparator
                .comparingInt((String k) -> series.get(k).size())
                .thenComparing(k -> -preference(k)));
        return new HeatCurve(metric, metric.map(units::get).orElse(""),
                metric.map(series::get).orElse(List.of()), levels, markers, from, to, false);
    }

    /** One sentence saying where the curve comes from, for the caption. */
    String source() {
        String marks = "竖线为报告（蓝）与信息发布（绿）时间，底色为当时的级别。";
        if (measured) {
            return "数据来源：监测服务自发现起逐次上报的" + metric.orElse(VOLUME) + "，共" + points.size() + "个时点；" + marks;
        }
        if (metric.isEmpty()) {
            return "数据来源：本案研判记录未引用热度数值，曲线为级别随时间的变化；" + marks;
        }
        return "数据来源：本案各次研判记录（立案、升级、研判更新）引用的" + metric.get() + "，共" + points.size()
                + "个时点（案件库不保存监测的逐时热度）；" + marks;
    }

    private static int preference(String metric) {
        int i = PREFERENCE.indexOf(metric);
        return i < 0 ? PREFERENCE.size() : i;
    }

    private static Optional<Level> level(JsonNode detail) {
        String name = detail.path("level").asString("");
        for (Level level : Level.values()) {
            if (level.name().equals(name)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
