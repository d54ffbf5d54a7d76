package org.yuqing.ui.grading;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.yuqing.domain.Category;
import org.yuqing.domain.Level;
import org.yuqing.ui.gateway.GatewayApi;
import org.yuqing.ui.gateway.GatewayCallException;
import org.yuqing.ui.grading.GradingRecords.Comparison;
import org.yuqing.ui.grading.GradingRecords.IncidentGrade;
import org.yuqing.ui.grading.GradingRecords.PlanAssignment;
import org.yuqing.ui.grading.GradingRecords.PlanSummary;
import org.yuqing.ui.grading.GradingRecords.PlanVersion;
import org.yuqing.ui.grading.GradingRecords.RecentGrade;
import org.yuqing.ui.grading.GradingRecords.UnitName;
import org.yuqing.ui.grading.GradingRecords.WhatIfGrade;
import tools.jackson.databind.JsonNode;

/**
 * The grading service's API ({@code /api/grading/**}) through the gateway, as the current user. Every method throws
 * {@link GatewayCallException} when the call gives no usable answer. Plan documents travel as JSON (the console turns
 * the editor's YAML into JSON first, {@link PlanYaml}). Writes answer nothing here: the views read the new state
 * back, since the gateway client reads no answer of a write.
 */
@Component
class GradingClient {

    /** Plan ids are lower-case letters, digits and dashes; UUIDs are safe too: both can go into a path as they are. */
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final GatewayApi api;

    GradingClient(GatewayApi api) {
        this.api = api;
    }

    List<PlanSummary> plans() {
        return api.getList("/api/grading/plans", PlanSummary.class);
    }

    /** The latest version of a plan in its stored JSON form. */
    JsonNode plan(String planId) {
        return api.get("/api/grading/plans/" + segment(planId), Map.of(), JsonNode.class);
    }

    /** One version of a plan in its stored JSON form. */
    JsonNode plan(String planId, int version) {
        return api.get("/api/grading/plans/" + segment(planId) + "/versions/" + version, Map.of(), JsonNode.class);
    }

    /** The stored versions of a plan, newest first. */
    List<PlanVersion> versions(String planId) {
        return api.getList("/api/grading/plans/" + segment(planId) + "/versions", PlanVersion.class);
    }

    /** A version of a plan as a document of {@code format} ({@code yaml} or {@code json}); audited as an export. */
    String export(String planId, int version, String format) {
        return api.get("/api/grading/plans/" + segment(planId) + "/versions/" + version + "/export",
                Map.of("format", format), String.class);
    }

    /** Checks a plan document (JSON) as saving would; with {@code planId}, it must name that plan. */
    void validate(String planId, String document) {
        String query = planId == null ? "" : "?planId=" + segment(planId);
        api.post("/api/grading/plans/validate" + query, document);
    }

    /** Stores the document (JSON) as the next version of the plan. */
    void save(String planId, String document) {
        api.put("/api/grading/plans/{id}", document, planId);
    }

    /** Imports a document (JSON): a new plan, the next version of an existing one, or nothing when unchanged. */
    void importPlan(String document) {
        api.post("/api/grading/plans/import", document);
    }

    List<PlanAssignment> assignments() {
        return api.getList("/api/grading/assignments", PlanAssignment.class);
    }

    /** Replaces the unit's plan, keeping the plans of its single topics. */
    void assign(String unitId, String planId, Map<String, String> topicOverrides) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("planId", planId);
        body.put("topicOverrides", topicOverrides);
        api.put("/api/grading/assignments/{unitId}", body, unitId);
    }

    /** The units the administrator may see (names for the assignment selector). */
    List<UnitName> units() {
        return api.getList("/api/identity/units", UnitName.class);
    }

    WhatIfGrade whatIf(String planId, Snapshot snapshot) {
        Map<String, Object> query = new LinkedHashMap<>(snapshot.query());
        query.put("planId", planId);
        return api.get("/api/grading/what-if", query, WhatIfGrade.class);
    }

    Comparison compare(String planA, String planB, Snapshot snapshot) {
        Map<String, Object> query = new LinkedHashMap<>(snapshot.query());
        query.remove("title");
        query.put("planA", planA);
        query.put("planB", planB);
        return api.get("/api/grading/what-if/compare", query, Comparison.class);
    }

    IncidentGrade incident(UUID incidentId) {
        return api.get("/api/grading/incidents/" + incidentId, Map.of(), IncidentGrade.class);
    }

    List<RecentGrade> recent() {
        return api.getList("/api/grading/incidents", RecentGrade.class);
    }

    /** Puts the analyst's level and/or category in force; {@code null} leaves that part. */
    void override(UUID incidentId, Level level, Category category, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        Optional.ofNullable(level).ifPresent(l -> body.put("level", l.name()));
        Optional.ofNullable(category).ifPresent(c -> body.put("category", c.name()));
        body.put("reason", reason);
        api.post("/api/grading/incidents/{id}/override", body, incidentId);
    }

    /** Ends the analyst's override (the reason travels as a query parameter: a DELETE carries no body here). */
    void clearOverride(UUID incidentId, String reason) {
        api.delete("/api/grading/incidents/{id}/override?reason={reason}", incidentId, reason);
    }

    private static String segment(String value) {
        if (value == null || !SAFE_SEGMENT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a plan id: " + value);
        }
        return value;
    }
}
