package org.yuqing.ui.grading;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yuqing.security.TestTokens;
import org.yuqing.ui.ConsoleViewTestSupport;
import org.yuqing.ui.StandInGateway;
import org.yuqing.ui.StandInGateway.Answer;
import org.yuqing.ui.StandInGateway.Call;

/**
 * The grading pages against the real console context, with a stand-in gateway answering the grading service's API in
 * its real JSON shapes (copied from grading's controllers and records: {@code PlanSummary}, {@code PlanVersionSummary},
 * the stored plan JSON of the district preset, {@code PlanAssignment}, {@code WhatIfGrade}, {@code PlanComparison},
 * {@code IncidentGradeView}, {@code RecentGrade}, the 422 problem of {@code InvalidPlanException}). All subclasses
 * share one stand-in and one application context; each test starts from the same state.
 */
abstract class GradingViewTestSupport extends ConsoleViewTestSupport {

    static final UUID INCIDENT = UUID.fromString("7d3c1a52-94b1-4f4e-9a0e-0c7c6e0c2b11");
    static final UUID OVERRIDDEN = UUID.fromString("0f6b9e2d-3f3c-4c7e-8d51-6a0a2f9b7c44");
    static final UUID TOPIC = UUID.fromString("5a1e3c9b-6b8d-4b37-9f0e-2d4c8a7e1f00");

    /** The district preset as grading stores it ({@code plans/district.json}). */
    static final String DISTRICT = """
{
  "id": "district",
  "version": 1,
  "name": "区网络舆情处置工作应急预案",
  "source": "区网络舆情处置工作应急预案（seeds/000）：分级见六(三)1–4，上报时限见六(二)，黄金24小时见五(一)1",
  "notes": [
    "书面报告（电话报告后30分钟）与总结评估（平息后3日）本预案未作规定，取其他预案的通行要求。"
  ],
  "levels": [
    {
      "level": "GENERAL",
      "section": "六(三)1",
      "summary": "少量围观的询问、质疑、诉求（舆情总量等约50篇/条以内），无主流媒体介入，评论零星。",
      "conditions": [],
      "terms": {
        "reportWithin": "PT24H",
        "writtenReportAfterPhoneWithin": "PT30M",
        "firstStatementWithin": "PT24H",
        "reviewAfterSubsidedWithin": "PT72H",
        "opensCase": false,
        "statementApprovals": ["UNIT_HEAD"]
      },
      "note": "六(二)：较大和一般舆情酌情适时上报，预置按24小时。"
    },
    {
      "level": "SERIOUS",
      "section": "六(三)2",
      "summary": "有损形象的敏感信息在不同网站出现（100–500篇/条），评论数十条，负面声音上升。",
      "conditions": [
        {
          "type": "metric",
          "metric": "VOLUME",
          "comparator": "AT_LEAST",
          "value": 51,
          "section": "六(三)2",
          "note": "原文51–99篇未定级，预置从严按较大处理"
        }
      ],
      "terms": {
        "reportWithin": "PT24H",
        "writtenReportAfterPhoneWithin": "PT30M",
        "firstStatementWithin": "PT24H",
        "reviewAfterSubsidedWithin": "PT72H",
        "opensCase": true,
        "statementApprovals": ["UNIT_HEAD", "LEADER_IN_CHARGE"]
      },
      "note": "六(二)：较大和一般舆情酌情适时上报，预置按24小时。"
    },
    {
      "level": "MAJOR",
      "section": "六(三)3",
      "summary": "涉及重点领域、重要节点、重要事件、重要人物的敏感信息迅速发酵，或有主流媒体介入报道。",
      "conditions": [
        {"type": "metric", "metric": "VOLUME", "comparator": "MORE_THAN", "value": 500, "section": "六(三)3",
         "note": "较大为100–500篇，超过500篇按重大"},
        {"type": "metric", "metric": "MAINSTREAM_OUTLETS", "comparator": "AT_LEAST", "value": 1, "section": "六(三)3"},
        {"type": "flags", "flags": ["SENSITIVE_DOMAIN"], "section": "六(三)3"},
        {"type": "flags", "flags": ["KEY_PERSON_EVENT_OR_PERIOD"], "section": "六(三)3"}
      ],
      "terms": {
        "reportWithin": "PT2H",
        "writtenReportAfterPhoneWithin": "PT30M",
        "firstStatementWithin": "PT24H",
        "reviewAfterSubsidedWithin": "PT72H",
        "opensCase": true,
        "statementApprovals": ["UNIT_HEAD", "LEADER_IN_CHARGE", "MAIN_LEADER"]
      }
    },
    {
      "level": "EXTRAORDINARY",
      "section": "六(三)4",
      "summary": "突发事件引起、严重影响社会稳定的舆情：安全生产伤亡、征地拆迁群体暴力、食品药品致人伤亡等。",
      "conditions": [
        {"type": "flags", "flags": ["EMERGENCY_CAUSED", "CASUALTIES"], "section": "六(三)4"},
        {"type": "flags", "flags": ["GROUP_VIOLENCE"], "section": "六(三)4"},
        {"type": "flags", "flags": ["FOOD_OR_DRUG_HARM", "CASUALTIES"], "section": "六(三)4"}
      ],
      "terms": {
        "reportWithin": "PT1H",
        "writtenReportAfterPhoneWithin": "PT30M",
        "firstStatementWithin": "PT24H",
        "reviewAfterSubsidedWithin": "PT72H",
        "opensCase": true,
        "statementApprovals": ["UNIT_HEAD", "LEADER_IN_CHARGE", "MAIN_LEADER"]
      }
    }
  ]
}""";

    static final AtomicInteger DISTRICT_VERSION = new AtomicInteger(1);
    static volatile boolean overrideInForce;

    static final StandInGateway GATEWAY = StandInGateway.start(GradingViewTestSupport::answer);

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestTokens.shared().register(registry);
        registry.add("yuqing.console.gateway.url", GATEWAY::url);
    }

    @BeforeEach
    void freshState() {
        DISTRICT_VERSION.set(1);
        overrideInForce = false;
        GATEWAY.forget();
    }

    /** The requests received as {@code METHOD path?query}. */
    static List<String> requests() {
        return GATEWAY.calls().stream()
                .map(c -> c.request() + (c.query() == null ? "" : "?" + c.query())).toList();
    }

    /** The body of the last request {@code METHOD path}. */
    static String lastBody(String request) {
        return GATEWAY.calls().stream().filter(c -> c.request().equals(request)).reduce((a, b) -> b)
                .map(Call::body).orElseThrow(() -> new AssertionError("no " + request + " in " + requests()));
    }

    private static Answer answer(Call call) {
        String request = call.request();
        if (request.startsWith("GET /api/grading/incidents/")) {
            String id = call.path().substring("/api/grading/incidents/".length());
            if (id.equals(INCIDENT.toString())) {
                return Answer.ok(incident(INCIDENT, overrideInForce));
            }
            if (id.equals(OVERRIDDEN.toString())) {
                return Answer.ok(incident(OVERRIDDEN, true));
            }
            return new Answer(404, """
                    {"type":"about:blank","title":"Not Found","status":404,"detail":"未找到事件 %s 的定级",
                     "instance":"%s"}""".formatted(id, call.path()));
        }
        return switch (request) {
            case "GET /api/casework/cases" -> Answer.ok("[]");
            case "GET /api/grading/plans" -> Answer.ok("""
                    [{"id":"district","version":%d,"name":"区网络舆情处置工作应急预案",
                      "source":"区网络舆情处置工作应急预案（seeds/000）：分级见六(三)1–4，上报时限见六(二)，黄金24小时见五(一)1",
                      "createdAt":"2026-11-20T00:00:00Z"},
                     {"id":"work-safety","version":1,"name":"安全生产网络舆情应对预案",
                      "source":"安监总厅宣教〔2014〕52号","createdAt":"2026-11-20T00:00:00Z"}]"""
                    .formatted(DISTRICT_VERSION.get()));
            case "GET /api/grading/plans/district", "GET /api/grading/plans/district/versions/1" ->
                    Answer.ok(DISTRICT);
            case "GET /api/grading/plans/district/versions/2" -> DISTRICT_VERSION.get() >= 2
                    ? Answer.ok(DISTRICT.replace("\"version\": 1", "\"version\": 2")) : notFound(call);
            case "GET /api/grading/plans/district/versions" -> Answer.ok(DISTRICT_VERSION.get() >= 2 ? """
                    [{"planId":"district","version":2,"name":"区网络舆情处置工作应急预案","createdAt":"2026-11-21T02:00:00Z"},
                     {"planId":"district","version":1,"name":"区网络舆情处置工作应急预案","createdAt":"2026-11-20T00:00:00Z"}]"""
                    : """
                    [{"planId":"district","version":1,"name":"区网络舆情处置工作应急预案","createdAt":"2026-11-20T00:00:00Z"}]""");
            case "GET /api/grading/plans/district/versions/1/export" -> Answer.ok("id: district\nversion: 1\n");
            case "GET /api/grading/assignments" -> Answer.ok("""
                    [{"unitId":"district","planId":"district","topicOverrides":{"%s":"work-safety"},
                      "assignedAt":"2026-11-20T00:00:00Z"}]""".formatted(TOPIC));
            case "PUT /api/grading/assignments/district-east" -> Answer.ok("""
                    {"unitId":"district-east","planId":"district","topicOverrides":{},"assignedAt":"2026-11-21T00:00:00Z"}""");
            case "GET /api/identity/units" -> Answer.ok("""
                    [{"id":"district","name":"区委网信办","parentId":null},
                     {"id":"district-east","name":"东湖街道","parentId":"district"}]""");
            case "POST /api/grading/plans/validate", "PUT /api/grading/plans/district", "POST /api/grading/plans/import" ->
                    document(call);
            case "GET /api/grading/what-if" -> Answer.ok(WHAT_IF);
            case "GET /api/grading/what-if/compare" -> Answer.ok(COMPARISON);
            case "GET /api/grading/incidents" -> Answer.ok(RECENT.formatted(INCIDENT, OVERRIDDEN));
            default -> overrides(call);
        };
    }

    private static Answer overrides(Call call) {
        String path = "/api/grading/incidents/" + INCIDENT + "/override";
        if (call.path().equals(path) && call.method().equals("POST")) {
            overrideInForce = true;
            return Answer.ok(incident(INCIDENT, true));
        }
        if (call.path().equals(path) && call.method().equals("DELETE")) {
            overrideInForce = false;
            return Answer.ok(incident(INCIDENT, false));
        }
        return notFound(call);
    }

    /** Plan documents: one naming the unknown metric CLICKS is refused as grading refuses it (422 with paths). */
    private static Answer document(Call call) {
        if (call.body().contains("CLICKS")) {
            return new Answer(422, """
                    {"type":"about:blank","title":"预案不合规","status":422,"detail":"预案 district 有 2 处错误",
                     "instance":"%s","problems":["未知的指标 \\"CLICKS\\"","时限 reportWithin 须为 ISO-8601 时长"],
                     "errors":[{"path":"/levels/1/conditions/0/metric","kind":"UNKNOWN_METRIC",
                                "message":"未知的指标 \\"CLICKS\\"，可选：VOLUME、VOLUME_24H、READS"},
                               {"path":"/levels/2/terms/reportWithin","kind":"INVALID_VALUE",
                                "message":"时限 reportWithin 须为 ISO-8601 时长，如 PT2H，收到 \\"two hours\\""}]}"""
                    .formatted(call.path()));
        }
        if (call.method().equals("PUT")) {
            DISTRICT_VERSION.incrementAndGet();
            return Answer.ok(DISTRICT);
        }
        if (call.path().endsWith("/import")) {
            DISTRICT_VERSION.incrementAndGet();
            return Answer.ok(DISTRICT);
        }
        return Answer.ok("""
                {"valid":true,"planId":"district","name":"区网络舆情处置工作应急预案","levels":4,"exists":true,
                 "nextVersion":%d}""".formatted(DISTRICT_VERSION.get() + 1));
    }

    private static Answer notFound(Call call) {
        return new Answer(404, "{\"status\":404,\"detail\":\"no " + call.request() + " in the stand-in\"}");
    }

    static final String TERMS_MAJOR = """
            {"reportWithin":"PT2H","writtenReportAfterPhoneWithin":"PT30M","firstStatementWithin":"PT24H",
             "reviewAfterSubsidedWithin":"PT72H","opensCase":true,
             "statementApprovals":["UNIT_HEAD","LEADER_IN_CHARGE","MAIN_LEADER"]}""";

    static final String WHAT_IF = """
            {"planId":"district","planVersion":1,"planName":"区网络舆情处置工作应急预案","level":"MAJOR",
             "levelName":"重大","category":"INQUIRY","categoryName":"询问质疑","categoryConfidence":0.75,
             "decidingWords":["质疑"],
             "reasons":["舆情总量 620 篇 > 500 — 区网络舆情处置工作应急预案 六(三)3",
                        "主流媒体 2 家 ≥ 1 — 区网络舆情处置工作应急预案 六(三)3"],
             "terms":%s}""".formatted(TERMS_MAJOR);

    static final String COMPARISON = """
            {"planA":{"planId":"district","planVersion":1,"planName":"区网络舆情处置工作应急预案","level":"MAJOR",
                      "levelName":"重大","reasons":["舆情总量 620 篇 > 500 — 区网络舆情处置工作应急预案 六(三)3"],
                      "terms":%s},
             "planB":{"planId":"work-safety","planVersion":1,"planName":"安全生产网络舆情应对预案","level":"GENERAL",
                      "levelName":"一般","reasons":["未达较大及以上级别条件 — 安全生产网络舆情应对预案 二(三)1"],
                      "terms":{"reportWithin":"PT24H","writtenReportAfterPhoneWithin":"PT30M",
                               "firstStatementWithin":"PT24H","reviewAfterSubsidedWithin":"PT72H","opensCase":false,
                               "statementApprovals":["UNIT_HEAD"]}},
             "sameLevel":false,"sameTerms":false,
             "differences":[{"level":"MAJOR","plan":"A","condition":"舆情总量 > 500","section":"六(三)3","holds":true},
                            {"level":"MAJOR","plan":"B","condition":"转发量 > 300","section":"二(三)3","holds":false}]}"""
            .formatted(TERMS_MAJOR);

    static final String RECENT = """
            [{"incidentId":"%s","unitId":"district","title":"东湖化工厂爆炸","level":"MAJOR","levelName":"重大",
              "category":"INQUIRY","categoryName":"询问质疑","computedLevel":"MAJOR","overridden":false,
              "escalated":true,"planId":"district","planVersion":1,"gradedAt":"2026-11-20T03:00:00Z",
              "lastChangedAt":"2026-11-20T03:00:00Z"},
             {"incidentId":"%s","unitId":"district-east","title":"小区停水质疑","level":"SERIOUS","levelName":"较大",
              "category":"INQUIRY","categoryName":"询问质疑","computedLevel":"MAJOR","overridden":true,
              "escalated":false,"planId":"district","planVersion":1,"gradedAt":"2026-11-19T03:00:00Z",
              "lastChangedAt":"2026-11-19T05:00:00Z"}]""";

    /** {@code IncidentGradeView}: a SERIOUS grade escalated to MAJOR, optionally lowered by an analyst. */
    static String incident(UUID id, boolean overridden) {
        String reasons = """
                ["主流媒体 2 家 ≥ 1 — 区网络舆情处置工作应急预案 六(三)3",
                 "舆情总量 620 篇 > 500 — 区网络舆情处置工作应急预案 六(三)3"]""";
        String override = overridden ? """
                {"level":"SERIOUS","levelName":"较大","category":null,"categoryName":null,
                 "reason":"经核实为旧闻转载","by":"li","at":"2026-11-20T04:00:00Z"}""" : "null";
        String analystEntry = overridden ? """
                ,{"level":"SERIOUS","levelName":"较大","previousLevel":"MAJOR","category":"INQUIRY","escalation":false,
                  "reasons":["分析员改定：经核实为旧闻转载"],"planId":"district","planVersion":1,
                  "gradedAt":"2026-11-20T04:00:00Z","source":"ANALYST","changedBy":"li"}""" : "";
        return """
                {"incidentId":"%s","unitId":"district","title":"东湖化工厂爆炸","level":"%s","levelName":"%s",
                 "category":"INQUIRY","categoryName":"询问质疑","reasons":%s,"planId":"district","planVersion":1,
                 "gradedAt":"2026-11-20T03:00:00Z","evaluatedAt":"2026-11-20T03:30:00Z",
                 "metrics":{"volume":620,"reads":15000,"comments":230,"reposts":80,"distinctSites":9,
                            "mainstreamOutlets":2,"maxSitesPerStatement":3,"volume24h":600,"reads24h":14000,
                            "comments24h":200,"reposts24h":70,"negativeShare":0.4,"flags":["SENSITIVE_DOMAIN"]},
                 "computed":{"level":"MAJOR","levelName":"重大","category":"INQUIRY","categoryName":"询问质疑",
                             "confidence":0.6,"decidingWords":["质疑"],"reasons":%s},
                 "override":%s,
                 "history":[{"level":"SERIOUS","levelName":"较大","previousLevel":null,"category":"INQUIRY",
                             "escalation":false,"reasons":["舆情总量 80 篇 ≥ 51 — 区网络舆情处置工作应急预案 六(三)2"],
                             "planId":"district","planVersion":1,"gradedAt":"2026-11-20T01:00:00Z",
                             "source":"ENGINE","changedBy":null},
                            {"level":"MAJOR","levelName":"重大","previousLevel":"SERIOUS","category":"INQUIRY",
                             "escalation":true,"reasons":%s,"planId":"district","planVersion":1,
                             "gradedAt":"2026-11-20T03:00:00Z","source":"ENGINE","changedBy":null}%s]}"""
                .formatted(id, overridden ? "SERIOUS" : "MAJOR", overridden ? "较大" : "重大", reasons, reasons,
                        override, reasons, analystEntry);
    }
}
