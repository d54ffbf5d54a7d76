package org.yuqing.casework.cases;

import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.Category;
import org.yuqing.domain.Level;
import org.yuqing.domain.ResponseTerms;
import org.yuqing.domain.events.IncidentGraded;
import org.yuqing.domain.events.StatementPublished;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Grades and releases as grading and publishing send them for the district plan. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    private Fixtures() {
    }

    /** The district plan's terms at a level (report 1 h / 2 h / 24 h, statement 24 h, cases from SERIOUS). */
    public static ResponseTerms districtTerms(Level level) {
        Duration report = switch (level) {
            case EXTRAORDINARY -> Duration.ofHours(1);
            case MAJOR -> Duration.ofHours(2);
            default -> Duration.ofHours(24);
        };
        List<ApprovalStep> approvals = switch (level) {
            case GENERAL -> List.of(ApprovalStep.UNIT_HEAD);
            case SERIOUS -> List.of(ApprovalStep.UNIT_HEAD, ApprovalStep.LEADER_IN_CHARGE);
            default -> List.of(ApprovalStep.UNIT_HEAD, ApprovalStep.LEADER_IN_CHARGE, ApprovalStep.MAIN_LEADER);
        };
        return new ResponseTerms(report, Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofHours(72),
                level != Level.GENERAL, approvals);
    }

    public static IncidentGraded firstGrade(UUID incidentId, String unitId, Level level, Instant at) {
        return new IncidentGraded(UUID.randomUUID(), at, incidentId, unitId, "化工厂爆炸 " + incidentId, level, null,
                Category.UNCLASSIFIED, List.of("主流媒体 1 家 ≥ 1 — 区网络舆情处置工作应急预案 六(三)3"), "district", 1,
                false, districtTerms(level));
    }

    public static IncidentGraded escalation(UUID incidentId, String unitId, Level from, Level to, Instant at) {
        return new IncidentGraded(UUID.randomUUID(), at, incidentId, unitId, "化工厂爆炸 " + incidentId, to, from,
                Category.UNCLASSIFIED, List.of("舆情总量 501 条 > 500 — 区网络舆情处置工作应急预案 六(三)3"), "district", 1,
                true, districtTerms(to));
    }

    public static StatementPublished statement(UUID caseId, String unitId, String title, Instant publishedAt) {
        UUID statementId = UUID.randomUUID();
        return new StatementPublished(UUID.randomUUID(), publishedAt, statementId, caseId, unitId, title,
                "http://127.0.0.1:8080/public/statements/" + statementId, List.of("WEBSITE"),
                List.of("张科长", "李副区长", "王区长"), publishedAt);
    }
}
