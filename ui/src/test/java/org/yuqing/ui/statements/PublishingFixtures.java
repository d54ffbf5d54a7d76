package org.yuqing.ui.statements;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.yuqing.ui.StandInGateway;
import org.yuqing.ui.StandInGateway.Answer;
import org.yuqing.ui.StandInGateway.Call;

/**
 * The publishing API's JSON as its controllers write it (records {@code StatementSummary}, {@code StatementView} with
 * {@code ApprovalView}/{@code ReleaseView}, {@code VersionView}, {@code VersionDiff} with {@code TextDiff.Line},
 * {@code RenditionsView} with {@code Rendition}, {@code StatementTemplate}; Jackson 3 writes instants as ISO-8601),
 * casework's case list, and a stand-in gateway whose answers a test sets per request.
 */
public final class PublishingFixtures {

    /** The demo case: 化工厂 explosion, graded 重大, unit district. */
    public static final String CASE = "6b3c3f8e-1d2a-4c55-9a0e-5f3d1e2c7a10";
    /** A statement of it. */
    public static final String STATEMENT = "0f7d9a4e-8b1c-4f2e-a3d5-6c7b8e9f0a11";
    /** Another statement of it. */
    public static final String OTHER = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    /** The content hash of {@link #STATEMENT}'s current text. */
    public static final String HASH = "9c1f6e0b7d2a4e3f8b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c";
    /** The hash of its first version. */
    public static final String FIRST_HASH = "1111aaaa2222bbbb3333cccc4444dddd5555eeee6666ffff7777000088889999";
    /** The demo's release time. */
    public static final Instant AT = Instant.parse("2025-06-01T02:30:00Z");

    private static final Map<String, Function<Call, Answer>> ROUTES = new ConcurrentHashMap<>();

    /** A stand-in gateway answering what the routes say, 404 problem otherwise. */
    public static final StandInGateway GATEWAY = StandInGateway.start(call -> ROUTES.getOrDefault(call.request(),
            c -> new Answer(404, "{\"type\":\"about:blank\",\"status\":404,\"detail\":\"no route " + c.request()
                    + "\"}")).apply(call));

    private PublishingFixtures() {
    }

    /** Forgets routes and received requests. */
    public static void reset() {
        ROUTES.clear();
        GATEWAY.forget();
    }

    /**
     * @param request e.g. {@code GET /api/publishing/statements}
     * @param answer  what to answer
     */
    public static void on(String request, Function<Call, Answer> answer) {
        ROUTES.put(request, answer);
    }

    /**
     * @param request e.g. {@code GET /api/publishing/statements}
     * @param json    a 200 answer
     */
    public static void ok(String request, String json) {
        ROUTES.put(request, c -> Answer.ok(json));
    }

    /** @return a problem+json answer as Spring's ProblemDetail writes it */
    public static Answer problem(int status, String code, String title, String detail) {
        return new Answer(status, """
                {"type":"urn:yuqing:publishing:%s","title":"%s","status":%d,"detail":"%s","instance":"/x"}"""
                .formatted(code, title, status, detail));
    }

    /** @return the last body received for the request, or {@code null} */
    public static String lastBody(String request) {
        return GATEWAY.calls().stream().filter(c -> c.request().equals(request)).reduce((a, b) -> b)
                .map(Call::body).orElse(null);
    }

    /** @return casework's list with the demo case */
    public static String cases() {
        return """
                [{"id":"%s","incidentId":"7d1e2f3a-0000-4000-8000-000000000001","title":"化工厂爆炸","unitId":"district",
                  "level":"MAJOR","levelName":"重大","state":"RESPONDING","stateName":"处置中",
                  "openedAt":"2025-06-01T01:00:00Z","reportDueAt":"2025-06-01T02:00:00Z",
                  "reportedAt":"2025-06-01T01:40:00Z","firstStatementDueAt":"2025-06-01T06:00:00Z",
                  "firstStatementAt":null,"overdue":[]}]""".formatted(CASE);
    }

    /** @return one {@code StatementSummary} */
    public static String summary(String id, String kind, String kindName, String title, String state,
                                 Instant publishedAt) {
        return """
                {"id":"%s","caseId":"%s","kind":"%s","kindName":"%s","title":"%s","state":"%s","createdBy":"zhao",
                 "createdAt":"2025-06-01T01:50:00Z","updatedAt":"2025-06-01T02:10:00Z","publishedAt":%s,"publicUrl":%s,
                 "scheduledAt":null,"withdrawnKind":null,"corrects":null}"""
                .formatted(id, CASE, kind, kindName, title, state, quoted(publishedAt),
                        publishedAt == null ? "null" : quoted("http://127.0.0.1:8080/public/statements/" + id));
    }

    /** @return a JSON array of the elements */
    public static String array(String... elements) {
        return "[" + String.join(",", elements) + "]";
    }

    /** @return one {@code ApprovalView} */
    public static String approval(String step, String decision, String approver, String comment, Instant at,
                                  boolean counts) {
        String name = switch (step) {
            case "UNIT_HEAD" -> "单位负责人";
            case "LEADER_IN_CHARGE" -> "分管领导";
            default -> "主要领导";
        };
        return """
                {"step":"%s","stepName":"%s","decision":"%s","approver":"%s","comment":%s,"at":"%s","counts":%s}"""
                .formatted(step, name, decision, approver, quoted(comment), at, counts);
    }

    /** @return one {@code ReleaseView} */
    public static String release(String channel, String url, String status, String error, int attempts,
                                 Instant nextAttemptAt, String copyText) {
        return """
                {"channel":"%s","at":"%s","url":%s,"status":"%s","error":%s,"attempts":%d,"nextAttemptAt":%s,
                 "copyText":%s}""".formatted(channel, AT, quoted(url), status, quoted(error), attempts,
                quoted(nextAttemptAt), quoted(copyText));
    }

    /**
     * @return one {@code StatementView} of the demo case (level MAJOR: 单位负责人 then 分管领导)
     */
    public static String statement(String id, String title, String body, String state, String hash,
                                   String nextStep, Instant updatedAt, List<String> approvals,
                                   List<String> releases) {
        return """
                {"id":"%s","caseId":"%s","unitId":"district","level":"MAJOR","kind":"FACT_REPORT",
                 "kindName":"事实通报","title":"%s","body":"%s","state":"%s","contentHash":"%s","createdBy":"zhao",
                 "createdAt":"2025-06-01T01:50:00Z","updatedAt":"%s","publishedAt":%s,"publicUrl":%s,
                 "requiredApprovals":["UNIT_HEAD","LEADER_IN_CHARGE"],"nextStep":%s,"approvals":[%s],
                 "releases":[%s],"scheduledAt":null,"scheduledBy":null,"scheduleRefusal":null,"corrects":null,
                 "correctionReason":null,"withdrawal":null}""".formatted(id, CASE, title, body.replace("\n", "\\n"), state, hash, updatedAt,
                "PUBLISHED".equals(state) ? quoted(AT) : "null",
                "PUBLISHED".equals(state) ? quoted("http://127.0.0.1:8080/public/statements/" + id) : "null",
                quoted(nextStep), String.join(",", approvals), String.join(",", releases));
    }

    /** @return the two versions of {@link #STATEMENT} ({@code VersionView}s) */
    public static String versions() {
        return """
                [{"version":1,"title":"关于化工厂爆炸的情况通报","body":"6月1日9时，化工厂发生爆炸。\\n原因正在调查。",
                  "contentHash":"%s","editedBy":"zhao","editedAt":"2025-06-01T01:50:00Z","current":false},
                 {"version":2,"title":"关于化工厂爆炸的情况通报","body":"6月1日9时，化工厂发生爆炸，3人受伤。\\n原因正在调查。",
                  "contentHash":"%s","editedBy":"zhao","editedAt":"2025-06-01T02:10:00Z","current":true}]"""
                .formatted(FIRST_HASH, HASH);
    }

    /** @return the diff of versions 1 and 2 as {@code VersionDiff} writes it */
    public static String diff() {
        return """
                {"statementId":"%s","from":1,"to":2,"fromHash":"%s","toHash":"%s","identical":false,
                 "unified":"--- 第1版\\n+++ 第2版\\n@@ -1,4 +1,4 @@\\n 关于化工厂爆炸的情况通报\\n \\n-6月1日9时，化工厂发生爆炸。\\n+6月1日9时，化工厂发生爆炸，3人受伤。\\n 原因正在调查。\\n",
                 "lines":[
                  {"op":" ","oldLine":1,"newLine":1,"text":"关于化工厂爆炸的情况通报","inline":null},
                  {"op":" ","oldLine":2,"newLine":2,"text":"","inline":null},
                  {"op":"-","oldLine":3,"newLine":null,"text":"6月1日9时，化工厂发生爆炸。","inline":null},
                  {"op":"+","oldLine":null,"newLine":3,"text":"6月1日9时，化工厂发生爆炸，3人受伤。",
                   "inline":"6月1日9时，化工厂发生爆炸[-。-]{+，3人受伤。+}"},
                  {"op":" ","oldLine":4,"newLine":4,"text":"原因正在调查。","inline":null}]}"""
                .formatted(STATEMENT, FIRST_HASH, HASH);
    }

    /**
     * @param hash      the content hash to report
     * @param wechatTail something appended to the article HTML (to see the preview sanitised)
     * @return the renditions of {@link #STATEMENT} as {@code RenditionsView} writes them
     */
    public static String renditions(String hash, String wechatTail) {
        String url = "http://127.0.0.1:8080/public/statements/" + STATEMENT;
        String sms = "【区委网信办】关于化工厂爆炸的情况通报：6月1日9时，化工厂发生爆炸，3人受伤。 原因正在调查。 详见：" + url;
        List<String> segments = List.of("(1/2)" + sms.substring(0, 65), "(2/2)" + sms.substring(65));
        String microblog = "【关于化工厂爆炸的情况通报】6月1日9时，化工厂发生爆炸，3人受伤。\\n原因正在调查。";
        return """
                {"statementId":"%s","kind":"FACT_REPORT","title":"关于化工厂爆炸的情况通报",
                 "body":"6月1日9时，化工厂发生爆炸，3人受伤。\\n原因正在调查。","contentHash":"%s","renditions":[
                 {"channel":"website","label":"网站","format":"html","subject":null,
                  "content":"<article class=\\"statement\\">\\n<h1>关于化工厂爆炸的情况通报</h1>\\n<p class=\\"kind\\">事实通报</p>\\n<p>6月1日9时，化工厂发生爆炸，3人受伤。</p>\\n</article>\\n",
                  "segments":["<article class=\\"statement\\">…"],"cut":false},
                 {"channel":"email","label":"邮件","format":"text","subject":"【事实通报】关于化工厂爆炸的情况通报",
                  "content":"关于化工厂爆炸的情况通报\\n\\n6月1日9时，化工厂发生爆炸，3人受伤。\\n\\n事实通报 · 区委网信办\\n%s\\n",
                  "segments":["…"],"cut":false},
                 {"channel":"sms","label":"短信（手机报）","format":"text","subject":null,"content":"%s",
                  "segments":[%s],"cut":false},
                 {"channel":"microblog","label":"政务微博","format":"text","subject":null,"content":"%s",
                  "segments":["%s"],"cut":false},
                 {"channel":"wechat","label":"政务微信（公众号文章）","format":"html","subject":null,
                  "content":"<section style=\\"font-size:16px;line-height:1.75;color:#333;\\">\\n<h1 style=\\"font-size:22px;text-align:center;\\">关于化工厂爆炸的情况通报</h1>\\n<p style=\\"text-indent:2em;margin:0 0 1em;\\">6月1日9时，化工厂发生爆炸，3人受伤。</p>%s\\n</section>\\n",
                  "segments":["…"],"cut":false},
                 {"channel":"robot","label":"企业微信 / 钉钉群机器人","format":"markdown","subject":"关于化工厂爆炸的情况通报",
                  "content":"### 【事实通报】关于化工厂爆炸的情况通报\\n6月1日9时，化工厂发生爆炸，3人受伤。\\n\\n[查看全文](%s)",
                  "segments":["…"],"cut":false}]}"""
                .formatted(STATEMENT, hash, url, sms, segments.stream().map(s -> "\"" + s + "\"")
                        .collect(Collectors.joining(",")), microblog, microblog, wechatTail, url);
    }

    /** @return three of the service's templates, as {@code GET /api/publishing/templates} writes them */
    public static String templates() {
        return """
                [{"kind":"FACT_REPORT","kindName":"事实通报",
                  "guidance":"快报事实：第一时间发布已核实的基本事实（时间、地点、事件、伤亡、已采取的措施），不写未经证实的细节，不急于下结论；原因写“正在调查”，并说明将持续发布进展。",
                  "title":"关于〔地点〕〔事件〕的情况通报",
                  "body":"〔日期时间〕，〔地点〕发生〔事件〕。\\n事件发生后，〔单位〕立即〔已采取的处置措施〕。目前〔伤亡／影响情况〕。\\n事件原因正在调查中。后续情况将及时发布。"},
                 {"kind":"CAUSE_STATEMENT","kindName":"原因说明",
                  "guidance":"慎报原因：只写调查已经认定、有依据的原因，注明认定单位和依据；尚未查明的写明“仍在调查”，不猜测、不推卸、不预判责任。",
                  "title":"关于〔事件〕原因的说明",
                  "body":"经〔认定单位〕调查认定，〔事件〕系〔已认定的原因〕所致。\\n〔依据：检测、勘验、调查结论〕。\\n对〔尚未查明的部分〕，调查仍在进行，结果将及时公布。"},
                 {"kind":"PROGRESS_UPDATE","kindName":"进展通报",
                  "guidance":"重报进展：按时续报处置进展，说明与上次通报相比有何新情况（救援、善后、监测、调查、问责），注明下一次发布的时间或条件。",
                  "title":"关于〔事件〕的进展通报（〔第N次〕）",
                  "body":"截至〔日期时间〕，〔事件〕处置进展如下：\\n一、〔救援／处置〕：〔进展〕。\\n下一步，〔单位〕将〔后续措施〕，并于〔时间〕前续报。"}]""";
    }

    private static String quoted(Object value) {
        return value == null ? "null"
                : "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
