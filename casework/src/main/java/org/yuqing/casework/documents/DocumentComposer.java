package org.yuqing.casework.documents;

import org.yuqing.casework.clocks.ClockName;
import org.yuqing.casework.clocks.ClockStatus;
import org.yuqing.casework.clocks.DeadlineClock;
import org.yuqing.casework.clocks.SameDayDeadline;
import org.yuqing.casework.documents.DocumentContent.Block;
import org.yuqing.casework.documents.DocumentContent.Field;
import org.yuqing.casework.documents.DocumentContent.Form;
import org.yuqing.casework.documents.DocumentContent.Heading;
import org.yuqing.casework.documents.DocumentContent.Note;
import org.yuqing.casework.documents.DocumentContent.Paragraph;
import org.yuqing.casework.documents.DocumentContent.Picture;
import org.yuqing.casework.documents.DocumentContent.Signature;
import org.yuqing.casework.documents.DocumentContent.Table;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Level;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/**
 * Writes the documents of a case from its dossier, in the words and order of the plans' forms: the registration
 * form (舆情处理登记表), the special report (舆情专报) and the post-incident review (总结评估报告). Times are
 * Beijing time, with the year in forms and without it in tables. Pure: the same dossier, moment and chart give the same content.
 */
final class DocumentComposer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(SameDayDeadline.BEIJING);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("M月d日 HH:mm")
            .withZone(SameDayDeadline.BEIJING);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日")
            .withZone(SameDayDeadline.BEIJING);
    private static final DateTimeFormatter NUMBER_DATE = DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(SameDayDeadline.BEIJING);
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    private static final Map<String, String> ENTRY_KINDS = Map.ofEntries(
            Map.entry("CASE_OPENED", "立案"), Map.entry("ESCALATED", "升级"), Map.entry("REGRADED", "研判更新"),
            Map.entry("REPORTED", "报告"), Map.entry("STATEMENT_PUBLISHED", "信息发布"),
            Map.entry("STATEMENT_APPROVED", "发布审批"), Map.entry("STATEMENT_REJECTED", "审批退回"),
            Map.entry("STATEMENT_WITHDRAWN", "撤回更正"),
            Map.entry("DEADLINE_WARNING", "超时预警"), Map.entry("DEADLINE_MISSED", "超时未办"),
            Map.entry("STATE_CHANGED", "流程推进"), Map.entry("REVIEW_RECORDED", "总结评估"),
            Map.entry("TASK_ASSIGNED", "交办任务"), Map.entry("TASK_COMPLETED", "任务办结"),
            Map.entry("COMMENTED", "批注"), Map.entry("ATTACHMENT_ADDED", "附件"));
    private static final Map<String, String> REPORT_KINDS = Map.of("PHONE", "电话报告", "WRITTEN", "书面报告",
            "SPECIAL", "舆情专报");
    private static final Map<String, String> CHANNELS = Map.of("website", "政府网站", "weibo", "政务微博",
            "wechat", "政务微信", "sms", "手机报", "email", "电子邮件", "fax", "传真", "wecom", "企业微信",
            "dingtalk", "钉钉");

    private final CaseDossier d;
    private final String unitName;
    private final Instant now;
    private final String compiledBy;
    private final HeatCurve curve;
    private final byte[] chart;
    private int section;

    private DocumentComposer(CaseDossier dossier, String unitName, Instant now, String compiledBy,
                             Function<HeatCurve, byte[]> drawChart) {
        this.d = dossier;
        this.unitName = unitName;
        this.now = now;
        this.compiledBy = compiledBy;
        this.curve = HeatCurve.of(dossier);
        this.chart = drawChart.apply(curve);
    }

    /**
     * The content of one document.
     *
     * @param unitName   the case unit's name for the header
     * @param now        the moment it is generated (clock statuses are as of then)
     * @param compiledBy who generates it (the caller's name)
     * @param drawChart  draws the heat curve as PNG ({@link HeatChart#WIDTH}×{@link HeatChart#HEIGHT})
     */
    static DocumentContent compose(DocumentKind kind, CaseDossier dossier, String unitName, Instant now,
                                   String compiledBy, Function<HeatCurve, byte[]> drawChart) {
        DocumentComposer c = new DocumentComposer(dossier, unitName, now, compiledBy, drawChart);
        return switch (kind) {
            case REGISTRATION -> c.registration();
            case SPECIAL_REPORT -> c.specialReport();
            case REVIEW -> c.review();
        };
    }

    /** The case number documents show: YQ-, the opening date (Beijing) and the first eight digits of the case id. */
    static String caseNumber(CaseDossier dossier) {
        return "YQ-" + NUMBER_DATE.format(dossier.openedAt()) + "-"
                + dossier.id().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private DocumentContent registration() {
        List<Block> blocks = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        fields.add(Field.wide("舆情标题", d.title()));
        fields.addAll(headerFields());
        fields.add(Field.wide("研判依据", String.join("\n", latestReasons())));
        fields.add(Field.of("首次报告", firstReport()));
        fields.add(Field.of("首次发声", firstStatement()));
        fields.add(Field.wide("总结评估", reviewStatus()));
        blocks.add(new Form(fields));
        blocks.add(heading("舆情概况"));
        blocks.add(new Paragraph(summary()));
        blocks.add(heading("处置时限"));
        blocks.add(deadlines());
        blocks.add(new Note(deadlineTally()));
        blocks.add(heading("报告情况"));
        blocks.add(reports());
        blocks.addAll(heat());
        blocks.add(heading("处置措施"));
        blocks.add(tasks());
        blocks.add(heading("信息发布"));
        blocks.add(statements());
        blocks.add(heading("审批情况"));
        blocks.addAll(approvals());
        blocks.add(heading("处置过程"));
        blocks.add(timeline());
        blocks.add(new Signature(List.of("登记人：" + compiledBy, "登记时间：" + TIME.format(now))));
        return new DocumentContent(DocumentKind.REGISTRATION.title(), "登记单位：" + unitName + "　　案件编号："
                + caseNumber(d), DocumentKind.REGISTRATION.title() + "　" + caseNumber(d), blocks);
    }

    private DocumentContent specialReport() {
        List<Block> blocks = new ArrayList<>();
        List<Field> fields = new ArrayList<>(headerFields());
        fields.add(Field.wide("报送", recipients()));
        blocks.add(new Form(fields));
        blocks.add(heading("基本情况"));
        blocks.add(new Paragraph(summary()));
        blocks.add(heading("舆情态势"));
        blocks.addAll(heatPicture());
        blocks.add(new Paragraph(levelHistory() + "研判依据：" + String.join("；", latestReasons()) + "。"));
        blocks.add(heading("处置进展"));
        blocks.add(new Paragraph("报告情况："));
        blocks.add(reports());
        blocks.add(new Paragraph("处置措施："));
        blocks.add(tasks());
        blocks.add(new Paragraph("信息发布："));
        blocks.add(statements());
        blocks.add(heading("时限落实情况"));
        blocks.add(deadlines());
        blocks.add(new Note(deadlineTally()));
        blocks.add(heading("审批情况"));
        blocks.addAll(approvals());
        blocks.add(heading("下一步工作"));
        nextSteps().forEach(s -> blocks.add(new Paragraph(s)));
        blocks.add(heading("处置过程"));
        blocks.add(timeline());
        blocks.add(new Signature(List.of(unitName, "编报：" + compiledBy, TIME.format(now))));
        return new DocumentContent(DocumentKind.SPECIAL_REPORT.title(), unitName + "　　" + DATE.format(now)
                + "　　关于“" + d.title() + "”的舆情专报", DocumentKind.SPECIAL_REPORT.title() + "　" + caseNumber(d),
                blocks);
    }

    private DocumentContent review() {
        List<Block> blocks = new ArrayList<>();
        if (d.reviewedAt() == null) {
            blocks.add(new Note("（草稿：本案尚未提交总结评估，评估栏待填。当前状态：" + d.stateName() + "。）"));
        }
        List<Field> fields = new ArrayList<>();
        fields.add(Field.wide("事件名称", d.title()));
        fields.addAll(headerFields());
        blocks.add(new Form(fields));
        blocks.add(heading("事件概况"));
        blocks.add(new Paragraph(summary()));
        blocks.add(heading("处置过程"));
        blocks.add(timeline());
        blocks.add(heading("舆情热度"));
        blocks.addAll(heatPicture());
        blocks.add(new Paragraph(levelHistory()));
        blocks.add(heading("时限落实情况"));
        blocks.add(deadlines());
        blocks.add(new Paragraph(deadlineTally()));
        blocks.add(heading("报告与信息发布"));
        blocks.add(reports());
        blocks.add(statements());
        blocks.addAll(approvals());
        blocks.add(heading("评估"));
        List<Field> assessment = new ArrayList<>();
        assessment.add(Field.of("平息时间", d.subsidedAt() == null ? "尚未平息" : TIME.format(d.subsidedAt())));
        assessment.add(Field.of("评估期限", d.reviewDueAt() == null ? "—" : TIME.format(d.reviewDueAt())));
        assessment.add(Field.of("提交时间", d.reviewedAt() == null ? "尚未提交" : TIME.format(d.reviewedAt())));
        assessment.add(Field.of("是否按时", reviewTimeliness()));
        assessment.add(Field.wide("总结", d.reviewSummary() == null ? "（待填）" : d.reviewSummary()));
        assessment.add(Field.wide("教训与建议", d.reviewLessons() == null ? "（待填）" : d.reviewLessons()));
        assessment.add(Field.wide("时限问题", String.join("\n", problems())));
        blocks.add(new Form(assessment));
        blocks.add(new Signature(List.of(unitName, "编写：" + compiledBy, TIME.format(now))));
        return new DocumentContent(DocumentKind.REVIEW.title(), unitName + "　　" + DATE.format(now) + "　　案件编号："
                + caseNumber(d), DocumentKind.REVIEW.title() + "　" + caseNumber(d), blocks);
    }

    private Heading heading(String text) {
        return new Heading(NUMERALS[section++ % NUMERALS.length] + "、" + text);
    }

    private List<Field> headerFields() {
        Level level = d.level();
        return List.of(
                Field.of("单位", unitName.equals(d.unitId()) ? unitName : unitName + "（" + d.unitId() + "）"),
                Field.of("案件编号", caseNumber(d)),
                new Field("级别", LevelColours.label(level), LevelColours.of(level), LevelColours.textOn(level), false),
                Field.of("分类", d.category().chineseName()),
                Field.of("当前状态", d.stateName()),
                Field.of("依据预案", d.planName() + "（第" + d.planVersion() + "版）"),
                Field.of("立案时间", TIME.format(d.openedAt())),
                Field.of("生成时间", TIME.format(now)));
    }

    private List<Block> heat() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(heading("热度曲线"));
        blocks.addAll(heatPicture());
        return blocks;
    }

    private List<Block> heatPicture() {
        return List.of(new Picture(chart, HeatChart.WIDTH, HeatChart.HEIGHT, "图　舆情热度曲线"),
                new Note(curve.source()));
    }

    private String summary() {
        StringBuilder s = new StringBuilder();
        s.append(TIME.format(d.openedAt())).append("，").append(unitName).append("对“").append(d.title())
                .append("”立案处置。");
        s.append(levelHistory());
        List<String> reasons = latestReasons();
        if (!reasons.isEmpty()) {
            s.append("研判依据：").append(String.join("；", reasons)).append("。");
        }
        s.append("截至").append(TIME.format(now)).append("，共报告").append(d.entries("REPORTED").size())
                .append("次，发布信息").append(d.entries("STATEMENT_PUBLISHED").size()).append("条，交办任务")
                .append(d.tasks().size()).append("项");
        long open = d.tasks().stream().filter(t -> t.completedAt() == null).count();
        if (open > 0) {
            s.append("（").append(open).append("项办理中）");
        }
        s.append("，案件处于").append(d.stateName()).append("阶段。");
        return s.toString();
    }

    // How the level came about: the first grade and every escalation, in time order.
    private String levelHistory() {
        StringBuilder s = new StringBuilder();
        for (CaseDossier.Entry e : d.timeline()) {
            Level level = level(e.detail());
            if (level == null) {
                continue;
            }
            if (e.kind().equals("CASE_OPENED")) {
                s.append(SHORT.format(e.at())).append(e.actor().equals("system") ? "按" + d.planName() + "定为"
                        : "人工定为").append(level.chineseName()).append("舆情；");
            } else if (e.kind().equals("ESCALATED")) {
                s.append(SHORT.format(e.at())).append("升级为").append(level.chineseName()).append("舆情；");
            }
        }
        if (s.isEmpty()) {
            return "现为" + d.level().chineseName() + "舆情。";
        }
        s.setLength(s.length() - 1);
        return s.append("。").toString();
    }

    // The reasons of the latest grade (or the reason a case was opened by hand).
    private List<String> latestReasons() {
        List<String> reasons = List.of();
        for (CaseDossier.Entry e : d.timeline()) {
            if (Set.of("CASE_OPENED", "ESCALATED", "REGRADED").contains(e.kind())) {
                List<String> r = strings(e.detail().path("reasons"));
                if (r.isEmpty() && e.detail().hasNonNull("reason")) {
                    r = List.of("人工立案：" + e.detail().path("reason").asString(""));
                }
                if (!r.isEmpty()) {
                    reasons = r;
                }
            }
        }
        return reasons;
    }

    private String firstReport() {
        if (d.reportedAt() == null) {
            return "尚未报告（时限 " + TIME.format(d.reportDueAt()) + "）";
        }
        return TIME.format(d.reportedAt()) + "，" + timeliness(d.reportedAt(), d.reportDueAt(), "按时报告", "迟报");
    }

    private String firstStatement() {
        if (d.firstStatementAt() == null) {
            return "尚未发布（时限 " + TIME.format(d.firstStatementDueAt()) + "）";
        }
        return TIME.format(d.firstStatementAt()) + "，"
                + timeliness(d.firstStatementAt(), d.firstStatementDueAt(), "按时发声", "超时");
    }

    private String reviewStatus() {
        if (d.reviewedAt() != null) {
            return "已于" + TIME.format(d.reviewedAt()) + "提交（" + reviewTimeliness() + "）";
        }
        if (d.reviewDueAt() != null) {
            return "平息后须于" + TIME.format(d.reviewDueAt()) + "前提交";
        }
        return "事件平息后提交";
    }

    private String reviewTimeliness() {
        if (d.reviewedAt() == null || d.reviewDueAt() == null) {
            return "—";
        }
        return timeliness(d.reviewedAt(), d.reviewDueAt(), "按时", "超时");
    }

    private Table deadlines() {
        List<List<String>> rows = new ArrayList<>();
        for (DeadlineClock clock : d.clocks()) {
            ClockStatus status = clock.statusAt(now);
            String note = switch (status) {
                case MET -> "提前" + duration(Duration.between(clock.metAt(), clock.dueAt()));
                case MET_LATE -> "超时" + duration(Duration.between(clock.dueAt(), clock.metAt()));
                case MISSED -> "已超时" + duration(Duration.between(clock.dueAt(), now)) + "未办";
                case RUNNING -> "剩余" + duration(Duration.between(now, clock.dueAt()));
            };
            String result = clock.name() == ClockName.PROGRESS_UPDATE && status == ClockStatus.RUNNING
                    ? "待续报" : status.chineseName();
            rows.add(List.of(clock.name().chineseName(), SHORT.format(clock.dueAt()),
                    clock.metAt() == null ? "—" : SHORT.format(clock.metAt()), result, note));
        }
        return new Table(List.of("时限", "截止时间", "完成时间", "结果", "说明"), new float[]{2.4f, 2.8f, 2.8f, 2f, 3.2f},
                rows, "无");
    }

    private String deadlineTally() {
        Map<ClockStatus, Integer> counts = new EnumMap<>(ClockStatus.class);
        d.clocks().forEach(c -> counts.merge(c.statusAt(now), 1, Integer::sum));
        return "共" + d.clocks().size() + "项时限：按时完成" + counts.getOrDefault(ClockStatus.MET, 0) + "项，超时完成"
                + counts.getOrDefault(ClockStatus.MET_LATE, 0) + "项，超时未办" + counts.getOrDefault(ClockStatus.MISSED, 0)
                + "项，计时中" + counts.getOrDefault(ClockStatus.RUNNING, 0) + "项（统计至" + TIME.format(now) + "）。";
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (DeadlineClock clock : d.clocks()) {
            ClockStatus status = clock.statusAt(now);
            if (status == ClockStatus.MET_LATE) {
                problems.add(clock.name().chineseName() + "：超时"
                        + duration(Duration.between(clock.dueAt(), clock.metAt())) + "完成（"
                        + (clock.name() == ClockName.REPORT ? "迟报" : "迟办") + "）");
            } else if (status == ClockStatus.MISSED) {
                problems.add(clock.name().chineseName() + "：截至" + TIME.format(now) + "超时未办（"
                        + (clock.name() == ClockName.REPORT ? "漏报" : "未办") + "）");
            }
        }
        d.entries("DEADLINE_MISSED").forEach(e -> problems.add(SHORT.format(e.at()) + " " + e.summary()));
        return problems.isEmpty() ? List.of("无：各项时限均按时完成或仍在计时。") : problems;
    }

    private Table reports() {
        List<List<String>> rows = new ArrayList<>();
        boolean first = true;
        for (CaseDossier.Entry e : d.entries("REPORTED")) {
            JsonNode detail = e.detail();
            String kind = REPORT_KINDS.getOrDefault(detail.path("kind").asString(""), detail.path("kind").asString(""));
            String note;
            if (first) {
                note = "首报，" + timeliness(e.at(), d.reportDueAt(), "按时", "迟报");
            } else if (detail.has("writtenReportOnTime")) {
                note = detail.path("writtenReportOnTime").asBoolean() ? "书面报告按时" : "书面报告超时";
            } else {
                note = "续报";
            }
            first = false;
            rows.add(List.of(SHORT.format(e.at()), kind, String.join("、", strings(detail.path("to"))), note,
                    actor(e.actor())));
        }
        return new Table(List.of("时间", "方式", "报送对象", "时效", "报告人"), new float[]{2.6f, 2f, 4.6f, 2.6f, 2f},
                rows, "尚无报告记录");
    }

    private String recipients() {
        Set<String> to = new LinkedHashSet<>();
        for (CaseDossier.Entry e : d.entries("REPORTED")) {
            to.addAll(strings(e.detail().path("to")));
        }
        return to.isEmpty() ? "（尚未报送）" : String.join("、", to);
    }

    private Table tasks() {
        List<List<String>> rows = new ArrayList<>();
        for (CaseDossier.Task t : d.tasks()) {
            String status;
            if (t.completedAt() != null) {
                status = "已办结（" + SHORT.format(t.completedAt()) + "，" + actor(t.completedBy()) + "）"
                        + (t.completedAt().isAfter(t.dueAt()) ? "，超期" : "");
            } else {
                status = now.isAfter(t.dueAt()) ? "已超期" : "办理中";
            }
            rows.add(List.of(unitLabel(t.unitId()), t.title(), SHORT.format(t.dueAt()), status));
        }
        return new Table(List.of("承办单位", "任务", "期限", "办理情况"), new float[]{2.6f, 4.6f, 2.6f, 4f}, rows,
                "未交办任务");
    }

    private Table statements() {
        List<List<String>> rows = new ArrayList<>();
        for (CaseDossier.Entry e : d.entries("STATEMENT_PUBLISHED")) {
            JsonNode detail = e.detail();
            String channels = String.join("、", strings(detail.path("channels")).stream()
                    .map(c -> CHANNELS.getOrDefault(c.toLowerCase(Locale.ROOT), c)).toList());
            rows.add(List.of(SHORT.format(e.at()), "《" + detail.path("title").asString("") + "》\n"
                            + detail.path("publicUrl").asString(""), channels,
                    String.join(" → ", strings(detail.path("approvedBy")))));
        }
        return new Table(List.of("发布时间", "标题与链接", "渠道", "审批（依次）"), new float[]{2.6f, 6f, 2f, 3.2f}, rows,
                "尚未发布信息");
    }

    private List<Block> approvals() {
        List<Block> blocks = new ArrayList<>();
        List<ApprovalStep> chain = d.statementApprovals();
        blocks.add(new Paragraph(chain.isEmpty() ? "按预案，本案级别的信息发布无须逐级审批。"
                : "按预案，" + d.level().chineseName() + "舆情的信息发布须依次经"
                + String.join(" → ", chain.stream().map(ApprovalStep::chineseName).toList()) + "审批（三同步：处置授权与发布授权同步）。"));
        List<List<String>> rows = new ArrayList<>();
        for (CaseDossier.Entry e : d.timeline()) {
            if (e.kind().equals("STATEMENT_PUBLISHED")) {
                List<String> by = strings(e.detail().path("approvedBy"));
                rows.add(List.of(SHORT.format(e.at()), "《" + e.detail().path("title").asString("") + "》发布",
                        by.isEmpty() ? "无审批记录" : String.join(" → ", by) + "（共" + by.size() + "级）"));
            } else if (e.kind().startsWith("STATEMENT_")) {
                rows.add(List.of(SHORT.format(e.at()), kindName(e.kind()), e.summary()));
            }
        }
        blocks.add(new Table(List.of("时间", "事项", "审批"), new float[]{2.6f, 4.6f, 6.6f}, rows, "尚无审批记录"));
        return blocks;
    }

    private List<String> nextSteps() {
        List<String> steps = new ArrayList<>();
        for (DeadlineClock clock : d.clocks()) {
            ClockStatus status = clock.statusAt(now);
            if (status == ClockStatus.RUNNING) {
                steps.add("须于" + TIME.format(clock.dueAt()) + "前完成" + clock.name().chineseName().replace("时限", "")
                        + "（剩余" + duration(Duration.between(now, clock.dueAt())) + "）。");
            } else if (status == ClockStatus.MISSED) {
                steps.add(clock.name().chineseName() + "已超时" + duration(Duration.between(clock.dueAt(), now))
                        + "，须立即补办。");
            }
        }
        for (CaseDossier.Task t : d.tasks()) {
            if (t.completedAt() == null) {
                steps.add(unitLabel(t.unitId()) + "办理“" + t.title() + "”，期限" + TIME.format(t.dueAt()) + "。");
            }
        }
        steps.add("继续做好舆情动态跟踪，按预案续报进展。");
        return steps;
    }

    private Table timeline() {
        List<List<String>> rows = d.timeline().stream().map(e -> List.of(SHORT.format(e.at()), kindName(e.kind()),
                e.summary(), actor(e.actor()))).toList();
        return new Table(List.of("时间", "事项", "内容", "经办"), new float[]{2.6f, 1.8f, 7.6f, 1.8f}, rows, "无");
    }

    private String unitLabel(String unitId) {
        return unitId.equals(d.unitId()) ? unitName : unitId;
    }

    private static String kindName(String kind) {
        return ENTRY_KINDS.getOrDefault(kind, "其他");
    }

    private static String actor(String login) {
        return login == null || login.equals("system") ? "系统" : login;
    }

    private static Level level(JsonNode detail) {
        String name = detail.path("level").asString("");
        for (Level level : Level.values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        return null;
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.asString("")).filter(s -> !s.isBlank())
                .toList();
    }

    private static String timeliness(Instant at, Instant due, String onTime, String late) {
        return at.isAfter(due) ? late + duration(Duration.between(due, at)) : onTime;
    }

    /** A span the way an office writes it: 2天3小时, 1小时20分钟, 45分钟 (whole minutes, rounded up). */
    static String duration(Duration span) {
        long minutes = (span.toSeconds() + 59) / 60;
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        StringBuilder s = new StringBuilder();
        if (days > 0) {
            s.append(days).append("天");
        }
        if (hours > 0) {
            s.append(hours).append("小时");
        }
        if (mins > 0 && days == 0) {
            s.append(mins).append("分钟");
        }
        return s.isEmpty() ? (days > 0 ? "" : "0分钟") : s.toString();
    }
}
