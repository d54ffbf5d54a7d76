package org.yuqing.casework.documents;

import org.junit.jupiter.api.Test;
import org.yuqing.casework.cases.HeatPoint;
import org.yuqing.domain.Category;
import org.yuqing.domain.Level;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HeatCurveTest {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void the_curve_follows_the_figure_the_grades_cite_most_over_the_levels_in_force() {
        CaseDossier dossier = dossier(List.of(
                entry(0, "CASE_OPENED", Map.of("level", "SERIOUS", "reasons", List.of(
                        "舆情总量 180 篇 ≥ 100 — 区网络舆情处置工作应急预案 六(三)2", "评论量 36 条 ≥ 10 — 区网络舆情处置工作应急预案"))),
                entry(60, "REGRADED", Map.of("level", "SERIOUS", "reasons", List.of("舆情总量 320 篇 ≥ 100 — 预案"))),
                entry(180, "ESCALATED", Map.of("level", "MAJOR", "reasons", List.of("主流媒体 2 家 ≥ 1 — 预案",
                        "舆情总量 612 篇 > 500 — 预案"))),
                entry(200, "REPORTED", Map.of("kind", "PHONE")),
                entry(540, "STATEMENT_PUBLISHED", Map.of("title", "情况通报")),
                entry(600, "COMMENTED", Map.of())));

        HeatCurve curve = HeatCurve.of(dossier);

        assertThat(curve.metric()).contains("舆情总量");
        assertThat(curve.unit()).isEqualTo("篇");
        assertThat(curve.points()).extracting(HeatCurve.Point::value).containsExactly(180L, 320L, 612L);
        assertThat(curve.levels()).containsExactly(new HeatCurve.LevelChange(T0, Level.SERIOUS),
                new HeatCurve.LevelChange(T0.plus(Duration.ofMinutes(180)), Level.MAJOR));
        assertThat(curve.markers()).extracting(HeatCurve.Marker::kind).containsExactly("REPORTED", "STATEMENT_PUBLISHED");
        assertThat(curve.to()).isEqualTo(T0.plus(Duration.ofMinutes(600)));
        assertThat(curve.source()).contains("舆情总量", "共3个时点");
    }

    @Test
    void monitorings_measurements_are_the_curve_from_detection_on_instead_of_the_cited_figures() {
        CaseDossier cited = dossier(List.of(
                entry(0, "CASE_OPENED", Map.of("level", "MAJOR", "reasons", List.of("舆情总量 180 篇 ≥ 100 — 预案"))),
                entry(200, "REPORTED", Map.of("kind", "PHONE"))));
        List<HeatPoint> measured = List.of(heat(-120, 40), heat(-60, 180), heat(90, 450), heat(300, 612));
        CaseDossier dossier = new CaseDossier(cited.id(), cited.incidentId(), cited.unitId(), cited.title(),
                cited.level(), cited.state(), cited.stateName(), cited.category(), cited.planId(), cited.planVersion(),
                cited.planName(), cited.openedAt(), cited.reportDueAt(), cited.reportedAt(),
                cited.firstStatementDueAt(), cited.firstStatementAt(), cited.statementApprovals(), cited.subsidedAt(),
                cited.reviewDueAt(), cited.reviewedAt(), cited.reviewSummary(), cited.reviewLessons(), cited.clocks(),
                cited.timeline(), cited.tasks(), measured);

        HeatCurve curve = HeatCurve.of(dossier);

        assertThat(curve.measured()).isTrue();
        assertThat(curve.metric()).contains("舆情总量");
        assertThat(curve.points()).extracting(HeatCurve.Point::value).containsExactly(40L, 180L, 450L, 612L);
        assertThat(curve.from()).as("from detection, before the case").isEqualTo(T0.minus(Duration.ofHours(2)));
        assertThat(curve.to()).isEqualTo(T0.plus(Duration.ofMinutes(300)));
        assertThat(curve.markers()).extracting(HeatCurve.Marker::kind).containsExactly("REPORTED");
        assertThat(curve.source()).contains("监测服务", "共4个时点").doesNotContain("研判记录");
        assertThat(HeatCurve.of(cited).measured()).as("without measurements, the cited figures").isFalse();
        assertThat(HeatChart.png(curve, java.awt.Font.decode(java.awt.Font.SANS_SERIF)))
                .startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    private static HeatPoint heat(int minutes, long volume) {
        return new HeatPoint(T0.plus(Duration.ofMinutes(minutes)), volume, volume * 30, volume / 10, volume / 20, 8, 2,
                0.4);
    }

    @Test
    void without_cited_figures_the_curve_is_the_level_and_says_so() {
        CaseDossier dossier = dossier(List.of(entry(0, "CASE_OPENED", Map.of("level", "MAJOR", "reason", "网民集中反映"))));

        HeatCurve curve = HeatCurve.of(dossier);

        assertThat(curve.metric()).isEmpty();
        assertThat(curve.points()).isEmpty();
        assertThat(curve.levels()).containsExactly(new HeatCurve.LevelChange(T0, Level.MAJOR));
        assertThat(curve.to()).as("at least an hour wide").isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(curve.source()).contains("未引用热度数值", "级别随时间的变化");
        assertThat(HeatChart.png(curve, java.awt.Font.decode(java.awt.Font.SANS_SERIF)))
                .as("a PNG").startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void spans_read_as_an_office_writes_them() {
        assertThat(DocumentComposer.duration(Duration.ofMinutes(20))).isEqualTo("20分钟");
        assertThat(DocumentComposer.duration(Duration.ofSeconds(61))).as("rounded up").isEqualTo("2分钟");
        assertThat(DocumentComposer.duration(Duration.ofMinutes(80))).isEqualTo("1小时20分钟");
        assertThat(DocumentComposer.duration(Duration.ofHours(60))).isEqualTo("2天12小时");
        assertThat(DocumentComposer.duration(Duration.ZERO)).isEqualTo("0分钟");
    }

    private static CaseDossier.Entry entry(int minutes, String kind, Map<String, ?> detail) {
        JsonNode node = JSON.valueToTree(detail);
        return new CaseDossier.Entry(T0.plus(Duration.ofMinutes(minutes)), kind, kind, "system", node);
    }

    private static CaseDossier dossier(List<CaseDossier.Entry> timeline) {
        return new CaseDossier(UUID.randomUUID(), UUID.randomUUID(), "district", "化工厂爆炸", Level.MAJOR, "RESPONDING",
                "处置回应", Category.HYPE, "district", 1, "区网络舆情处置工作应急预案", T0, T0.plusSeconds(7200), null,
                T0.plusSeconds(86400), null, List.of(), null, null, null, null, null, List.of(), timeline, List.of());
    }
}
