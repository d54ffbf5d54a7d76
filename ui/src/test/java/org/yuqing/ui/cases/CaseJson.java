package org.yuqing.ui.cases;

import java.time.Duration;
import java.time.Instant;

/**
 * Casework's and grading's JSON as their controllers write it (CaseViews.CaseDetail / CaseSummary with the tasks and
 * attachments sections, ClockView, TimelineView, TaskView, AttachmentView, LedgerVerification, EntryView,
 * Notification; grading's IncidentGradeView), for the stand-in gateway of the view tests.
 */
final class CaseJson {

    static final String CASE = "3f1c2a9e-5b7d-4c1e-9a2b-0d6e8f7a1b2c";
    static final String INCIDENT = "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d";
    static final String TASK_OPEN = "11111111-2222-4333-8444-555555555555";
    static final String TASK_DONE = "66666666-7777-4888-9999-aaaaaaaaaaaa";
    static final String ATTACHMENT = "bbbbbbbb-cccc-4ddd-8eee-ffffffffffff";
    /** The bytes the stand-in sends back for the attachment, and their SHA-256. */
    static final String ATTACHMENT_TEXT = "现场照片说明";
    static final String ATTACHMENT_SHA256 = "35cabe9390ade4fdd70eabeb45aee7e4ad20ee8582e9f48e087792bcfc4b0fb6";
    static final String TITLE = "高新区化工厂发生爆炸 现场浓烟滚滚";

    private CaseJson() {
    }

    /**
     * The demo case in state REPORTED (reported, may go to consulting or straight to responding), its written report
     * due in 9½ minutes, its first statement due in 5 hours, one open and one completed task, one attachment.
     */
    static String reportedCase(Instant now, String attachmentSha256) {
        Instant opened = now.minus(Duration.ofMinutes(90));
        return """
                {"id":"%1$s","incidentId":"%2$s","title":"%3$s","unitId":"district","level":"MAJOR","levelName":"重大",
                 "state":"REPORTED","stateName":"已报告","planId":"district-emergency","planVersion":2,
                 "openedAt":"%4$s","reportDueAt":"%5$s","reportedAt":"%6$s","firstStatementDueAt":"%7$s",
                 "firstStatementAt":null,"statementApprovals":["UNIT_HEAD","LEADER_IN_CHARGE","MAIN_LEADER"],
                 "subsidedAt":null,"reviewDueAt":null,"reviewedAt":null,"category":"INQUIRY","categoryName":"询问质疑",
                 "nextStates":["CONSULTING","RESPONDING"],"overdue":["INQUIRY_REPLY"],
                 "clocks":[
                  {"name":"REPORT","nameText":"上报时限","dueAt":"%5$s","metAt":"%6$s","status":"MET","statusText":"按时完成"},
                  {"name":"WRITTEN_REPORT","nameText":"书面报告时限","dueAt":"%8$s","metAt":null,"status":"RUNNING","statusText":"计时中"},
                  {"name":"FIRST_STATEMENT","nameText":"首次发声时限","dueAt":"%7$s","metAt":null,"status":"RUNNING","statusText":"计时中"},
                  {"name":"INQUIRY_REPLY","nameText":"答复时限","dueAt":"%9$s","metAt":null,"status":"MISSED","statusText":"已超时"}],
                 "timeline":[
                  {"at":"%4$s","kind":"CASE_OPENED","summary":"立案：重大，预案 district-emergency 第2版","actor":"system","detail":{"level":"MAJOR"}},
                  {"at":"%6$s","kind":"REPORTED","summary":"电话报告：报送区委宣传部分管领导","actor":"demo","detail":{"kind":"PHONE","to":["区委宣传部分管领导"]}},
                  {"at":"%6$s","kind":"COMMENTED","summary":"已联系涉事企业核实伤亡情况","actor":"zhang","detail":null}],
                 "tasks":[
                  {"id":"%10$s","unitId":"district-safety","title":"核实伤亡和污染情况","dueAt":"%11$s","createdBy":"demo",
                   "createdAt":"%6$s","completedBy":null,"completedAt":null,"status":"OPEN","statusText":"办理中","overdue":false},
                  {"id":"%12$s","unitId":"district","title":"起草情况通报","dueAt":"%7$s","createdBy":"demo","createdAt":"%6$s",
                   "completedBy":"zhang","completedAt":"%6$s","status":"DONE","statusText":"按时办结","overdue":false}],
                 "attachments":[
                  {"id":"%13$s","fileName":"现场照片说明.txt","contentType":"text/plain","size":18,"sha256":"%14$s",
                   "uploadedBy":"demo","uploadedAt":"%6$s","href":"/api/casework/cases/%1$s/attachments/%13$s"}],
                 "assignees":[{"login":"zhang","unitId":"district"}]}
                """.formatted(CASE, INCIDENT, TITLE, opened, opened.plus(Duration.ofHours(2)),
                now.minus(Duration.ofMinutes(30)), now.plus(Duration.ofHours(5)).minusSeconds(20),
                now.plus(Duration.ofMinutes(10)).minusSeconds(30), now.minus(Duration.ofMinutes(20)).plusSeconds(20),
                TASK_OPEN, now.plus(Duration.ofMinutes(45)).minusSeconds(20), TASK_DONE, ATTACHMENT,
                attachmentSha256);
    }

    /**
     * The heat of the demo case's incident as casework's {@code GET /api/casework/cases/{id}/heat} writes it
     * (Cases.HeatSeries of HeatPoint): three measurements, the first at detection.
     */
    static String heat(Instant now) {
        return """
                {"caseId":"%1$s","incidentId":"%2$s","points":[
                 {"at":"%3$s","volume":40,"reads":900,"comments":4,"reposts":2,"sites":3,"mainstream":0,"negativeShare":0.3},
                 {"at":"%4$s","volume":180,"reads":5200,"comments":18,"reposts":9,"sites":8,"mainstream":1,"negativeShare":0.45},
                 {"at":"%5$s","volume":612,"reads":20500,"comments":61,"reposts":30,"sites":12,"mainstream":3,"negativeShare":0.6}]}
                """.formatted(CASE, INCIDENT, now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2)),
                now.minus(Duration.ofMinutes(10)));
    }

    /** A case as the list shows it. */
    static String summary(String id, String title, String unit, String level, String levelName, String state,
                          String stateName, Instant reportDue, Instant reported, Instant statementDue) {
        return """
                {"id":"%s","incidentId":"%s","title":"%s","unitId":"%s","level":"%s","levelName":"%s","state":"%s",
                 "stateName":"%s","openedAt":"%s","reportDueAt":"%s","reportedAt":%s,"firstStatementDueAt":"%s",
                 "firstStatementAt":null,"overdue":[]}""".formatted(id, INCIDENT, title, unit, level, levelName,
                state, stateName, reportDue.minus(Duration.ofHours(2)), reportDue, quoted(reported), statementDue);
    }

    /** A case detail with only its two first clocks and no tasks. */
    static String plainCase(String id, String title, String unit, String state, Instant reportDue,
                            Instant statementDue) {
        return """
                {"id":"%1$s","incidentId":"%2$s","title":"%3$s","unitId":"%4$s","level":"SERIOUS","levelName":"较大",
                 "state":"%5$s","stateName":"研判","planId":"p","planVersion":1,"openedAt":"%6$s","reportDueAt":"%6$s",
                 "reportedAt":null,"firstStatementDueAt":"%7$s","firstStatementAt":null,"statementApprovals":[],
                 "subsidedAt":null,"reviewDueAt":null,"reviewedAt":null,"category":"UNCLASSIFIED","categoryName":"未分类",
                 "nextStates":[],"overdue":[],
                 "clocks":[
                  {"name":"REPORT","nameText":"上报时限","dueAt":"%6$s","metAt":null,"status":"RUNNING","statusText":"计时中"},
                  {"name":"FIRST_STATEMENT","nameText":"首次发声时限","dueAt":"%7$s","metAt":null,"status":"RUNNING","statusText":"计时中"}],
                 "timeline":[],"tasks":[],"attachments":[]}
                """.formatted(id, INCIDENT, title, unit, state, reportDue, statementDue);
    }

    /** Grading's view of the incident, with an analyst's override. */
    static String grade(Instant now) {
        return """
                {"incidentId":"%s","unitId":"district","title":"%s","level":"MAJOR","levelName":"重大",
                 "category":"INQUIRY","categoryName":"询问质疑",
                 "reasons":["主流媒体 1 家（www.news.cn）报道，达到重大级","阅读量 12000，达到较大级（≥ 10000）"],
                 "planId":"district-emergency","planVersion":2,"gradedAt":"%s","evaluatedAt":"%s",
                 "metrics":{"reads":12000,"comments":40,"reposts":12,"likes":5},
                 "computed":{"level":"MAJOR","levelName":"重大","category":"UNCLASSIFIED","categoryName":"未分类",
                  "confidence":0.4,"decidingWords":[],"reasons":["主流媒体 1 家（www.news.cn）报道，达到重大级"]},
                 "override":{"level":null,"levelName":null,"category":"INQUIRY","categoryName":"询问质疑",
                  "reason":"网民集中询问周边空气质量","by":"li","at":"%s"},
                 "history":[]}""".formatted(INCIDENT, TITLE, now.minus(Duration.ofHours(2)),
                now.minus(Duration.ofMinutes(5)), now.minus(Duration.ofHours(1)));
    }

    static String ledgerValid() {
        return """
                {"valid":true,"entries":42,"firstBrokenSeq":null,"reason":null,"headHash":"9f86d081884c7d659a2feaa0c55ad015"}""";
    }

    static String ledgerOfCase(Instant now) {
        return """
                [{"seq":7,"at":"%s","kind":"CASE_OPENED","actor":"system","summary":"立案：重大",
                  "hash":"a3f5c0d1e2b3a4f5c6d7e8f90112233445566778899aabbccddeeff00112233"}]""".formatted(
                now.minus(Duration.ofMinutes(90)));
    }

    static String quoted(Instant instant) {
        return instant == null ? "null" : "\"" + instant + "\"";
    }
}
