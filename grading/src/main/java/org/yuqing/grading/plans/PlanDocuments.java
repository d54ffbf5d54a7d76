package org.yuqing.grading.plans;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.yuqing.domain.ApprovalStep;
import org.yuqing.domain.IncidentFlag;
import org.yuqing.domain.Level;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Plan documents as people submit and exchange them, in JSON or YAML (the same fields as the stored JSON form of
 * {@link PlanJson}). Reading checks the whole document and reports every error with its JSON-pointer path
 * (missing and unknown fields, unknown levels, metrics, comparators, flags and approval steps, malformed
 * durations), then every rule of {@link PlanValidator} (unreachable levels, overlapping bands, missing terms, …),
 * as one {@link InvalidPlanException}. Pure; thread-safe.
 */
public final class PlanDocuments {

    /** The media type of YAML documents (RFC 9512). */
    public static final MediaType APPLICATION_YAML = MediaType.parseMediaType("application/yaml");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> PLAN_FIELDS =
            Set.of("id", "version", "name", "source", "levels", "notes", "analystGraded");
    private static final Set<String> LEVEL_FIELDS = Set.of("level", "section", "summary", "conditions", "terms", "note");
    private static final Set<String> TERMS_FIELDS = Set.of("reportWithin", "writtenReportAfterPhoneWithin",
            "firstStatementWithin", "reviewAfterSubsidedWithin", "opensCase", "statementApprovals");
    private static final List<String> DURATIONS = List.of("reportWithin", "writtenReportAfterPhoneWithin",
            "firstStatementWithin", "reviewAfterSubsidedWithin");

    private PlanDocuments() {
    }

    /** The formats of plan documents. */
    public enum Format {
        /** JSON, {@code application/json}. */
        JSON(MediaType.APPLICATION_JSON, "json"),
        /** YAML, {@code application/yaml}. */
        YAML(APPLICATION_YAML, "yaml");

        private final MediaType mediaType;
        private final String extension;

        Format(MediaType mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        /** The media type documents of this format are sent as. */
        public MediaType mediaType() {
            return mediaType;
        }

        /** The file name extension, e.g. {@code yaml}. */
        public String extension() {
            return extension;
        }

        /**
         * The format named {@code json} or {@code yaml} (any case; {@code yml} too).
         *
         * @throws ErrorResponseException a 400 problem for any other name
         */
        public static Format named(String name) {
            return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "yaml", "yml" -> YAML;
                default -> throw badRequest("格式不支持", "format 须为 json 或 yaml，收到 " + name);
            };
        }

        /**
         * The format of a request body of this media type: YAML for {@code application/yaml},
         * {@code application/x-yaml}, {@code text/yaml}; JSON for {@code application/json} and {@code +json}.
         *
         * @throws ErrorResponseException a 415 problem for any other type
         */
        public static Format of(MediaType type) {
            if (type != null && type.getSubtype().toLowerCase(Locale.ROOT).matches("(x-)?yaml|.*\\+yaml")) {
                return YAML;
            }
            if (type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"))) {
                return JSON;
            }
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "预案文档须为 application/json 或 application/yaml，收到 " + type);
            problem.setTitle("文档类型不支持");
            throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem, null);
        }
    }

    /**
     * Reads and checks a submitted plan document. Its {@code version}, when present, must be a positive number
     * but is otherwise ignored: the store numbers versions. The returned plan carries version 1.
     *
     * @param text          the document
     * @param format        its format
     * @param idWhenMissing the id to use when the document names none (e.g. from the URL); may be {@code null}
     * @throws ErrorResponseException a 400 problem when the text is not JSON (or YAML) at all
     * @throws InvalidPlanException   listing every error when it is not a valid plan
     */
    public static Plan read(String text, Format format, String idWhenMissing) {
        JsonNode document;
        try {
            document = format == Format.YAML ? YAML.readTree(text) : JSON.readTree(text);
        } catch (JacksonException e) {
            throw badRequest("文档无法读取", "请求体不是有效的 " + format.name());
        }
        if (document == null || !document.isObject()) {
            throw InvalidPlanException.ofDocument(null, List.of(
                    new PlanError("", "NOT_A_PLAN", "预案文档须是一个对象（含 id、name、levels）")));
        }
        ObjectNode plan = (ObjectNode) document;
        if (idWhenMissing != null && plan.path("id").isMissingNode()) {
            plan.put("id", idWhenMissing);
        }
        String id = plan.path("id").isString() ? plan.path("id").asString() : null;
        List<PlanError> errors = new ArrayList<>();
        checkPlan(plan, errors);
        if (!errors.isEmpty()) {
            throw InvalidPlanException.ofDocument(id, errors);
        }
        List<PlanLevel> levels = new ArrayList<>();
        for (JsonNode level : plan.get("levels")) {
            levels.add(bind(id, () -> PlanJson.readLevel(level)));
        }
        boolean analystGraded = plan.path("analystGraded").asBoolean(false);
        List<PlanProblem> problems = PlanValidator.problems(levels, analystGraded);
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(id, problems);
        }
        plan.put("version", 1);
        return bind(id, () -> PlanJson.read(plan));
    }

    /** The plan as a document of {@code format}, in the same fields as its stored JSON form. */
    public static String write(Plan plan, Format format) {
        return format == Format.YAML ? YAML.writeValueAsString(PlanJson.tree(plan)) : PlanJson.write(plan);
    }

    private static void checkPlan(JsonNode plan, List<PlanError> errors) {
        known(plan, "", PLAN_FIELDS, errors);
        JsonNode id = plan.get("id");
        if (absent(id)) {
            errors.add(missing("/id", "预案编号 id"));
        } else if (!id.isString() || !ID.matcher(id.asString()).matches()) {
            errors.add(invalid("/id", "预案编号 id 须为小写字母、数字和连字符（至多 63 个），收到 " + id));
        }
        JsonNode name = plan.get("name");
        if (absent(name)) {
            errors.add(missing("/name", "预案名称 name"));
        } else if (!name.isString() || name.asString().isBlank()) {
            errors.add(invalid("/name", "预案名称 name 须为非空文字"));
        }
        JsonNode version = plan.get("version");
        if (!absent(version) && (!version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 1)) {
            errors.add(invalid("/version", "版本 version 须为正整数（保存时由系统重新编号）"));
        }
        text(plan, "", "source", errors);
        JsonNode graded = plan.get("analystGraded");
        if (!absent(graded) && !graded.isBoolean()) {
            errors.add(invalid("/analystGraded", "analystGraded 须为 true 或 false"));
        }
        JsonNode notes = plan.get("notes");
        if (!absent(notes)) {
            if (!notes.isArray()) {
                errors.add(invalid("/notes", "notes 须为文字列表"));
            } else {
                for (int i = 0; i < notes.size(); i++) {
                    if (!notes.get(i).isString()) {
                        errors.add(invalid("/notes/" + i, "说明须为文字"));
                    }
                }
            }
        }
        JsonNode levels = plan.get("levels");
        if (absent(levels)) {
            errors.add(missing("/levels", "级别列表 levels"));
        } else if (!levels.isArray() || levels.isEmpty()) {
            errors.add(invalid("/levels", "级别列表 levels 须至少有一个级别"));
        } else {
            for (int i = 0; i < levels.size(); i++) {
                checkLevel(levels.get(i), "/levels/" + i, errors);
            }
        }
    }

    private static void checkLevel(JsonNode level, String path, List<PlanError> errors) {
        if (!level.isObject()) {
            errors.add(invalid(path, "级别须是一个对象"));
            return;
        }
        known(level, path, LEVEL_FIELDS, errors);
        JsonNode name = level.get("level");
        if (absent(name)) {
            errors.add(missing(path + "/level", "级别 level"));
        } else {
            oneOf(name, path + "/level", Level.class, "UNKNOWN_LEVEL", "级别", errors);
        }
        text(level, path, "section", errors);
        text(level, path, "summary", errors);
        text(level, path, "note", errors);
        JsonNode conditions = level.get("conditions");
        if (!absent(conditions)) {
            if (!conditions.isArray()) {
                errors.add(invalid(path + "/conditions", "条件 conditions 须为列表"));
            } else {
                for (int c = 0; c < conditions.size(); c++) {
                    checkCondition(conditions.get(c), path + "/conditions/" + c, errors);
                }
            }
        }
        JsonNode terms = level.get("terms");
        if (!absent(terms)) {
            checkTerms(terms, path + "/terms", errors);
        }
        // Missing terms are PlanValidator's MISSING_TERMS, reported with the level's name once the rest is sound.
    }

    private static void checkCondition(JsonNode condition, String path, List<PlanError> errors) {
        if (!condition.isObject()) {
            errors.add(invalid(path, "条件须是一个对象"));
            return;
        }
        JsonNode type = condition.get("type");
        String kind = type != null && type.isString() ? type.asString() : "";
        switch (kind) {
            case "metric" -> {
                known(condition, path, Set.of("type", "metric", "comparator", "value", "section", "note"), errors);
                JsonNode metric = condition.get("metric");
                if (absent(metric)) {
                    errors.add(missing(path + "/metric", "指标 metric"));
                } else {
                    oneOf(metric, path + "/metric", Metric.class, "UNKNOWN_METRIC", "指标", errors);
                }
                JsonNode comparator = condition.get("comparator");
                if (absent(comparator)) {
                    errors.add(missing(path + "/comparator", "比较方式 comparator"));
                } else {
                    oneOf(comparator, path + "/comparator", MetricComparator.class, "UNKNOWN_COMPARATOR", "比较方式",
                            errors);
                }
                JsonNode value = condition.get("value");
                if (absent(value)) {
                    errors.add(missing(path + "/value", "阈值 value"));
                } else if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                    errors.add(invalid(path + "/value", "阈值 value 须为整数"));
                }
            }
            case "flags" -> {
                known(condition, path, Set.of("type", "flags", "section", "note"), errors);
                JsonNode flags = condition.get("flags");
                if (absent(flags) || !flags.isArray() || flags.isEmpty()) {
                    errors.add(missing(path + "/flags", "至少一个标记 flags"));
                } else {
                    Set<String> seen = new HashSet<>();
                    for (int f = 0; f < flags.size(); f++) {
                        oneOf(flags.get(f), path + "/flags/" + f, IncidentFlag.class, "UNKNOWN_FLAG", "标记", errors);
                        if (!seen.add(flags.get(f).asString())) {
                            errors.add(new PlanError(path + "/flags/" + f, "DUPLICATE_FLAG",
                                    "标记 " + flags.get(f).asString() + " 重复"));
                        }
                    }
                }
            }
            case "allOf" -> {
                known(condition, path, Set.of("type", "conditions", "section", "note"), errors);
                JsonNode parts = condition.get("conditions");
                if (absent(parts) || !parts.isArray() || parts.size() < 2) {
                    errors.add(invalid(path + "/conditions", "allOf 须有至少两个条件"));
                } else {
                    for (int p = 0; p < parts.size(); p++) {
                        checkCondition(parts.get(p), path + "/conditions/" + p, errors);
                    }
                }
            }
            default -> errors.add(new PlanError(path + "/type", "UNKNOWN_CONDITION_TYPE",
                    "条件类型 type 须为 metric、flags 或 allOf，收到 " + (type == null ? "（无）" : type.toString())));
        }
        text(condition, path, "section", errors);
        text(condition, path, "note", errors);
    }

    private static void checkTerms(JsonNode terms, String path, List<PlanError> errors) {
        if (!terms.isObject()) {
            errors.add(invalid(path, "处置要求 terms 须是一个对象"));
            return;
        }
        known(terms, path, TERMS_FIELDS, errors);
        for (String field : DURATIONS) {
            JsonNode duration = terms.get(field);
            if (absent(duration)) {
                errors.add(missing(path + "/" + field, "时限 " + field));
            } else if (!duration.isString() || !isDuration(duration.asString())) {
                errors.add(invalid(path + "/" + field, "时限 " + field + " 须为 ISO-8601 时长，如 PT2H，收到 " + duration));
            }
        }
        JsonNode opensCase = terms.get("opensCase");
        if (absent(opensCase)) {
            errors.add(missing(path + "/opensCase", "是否立案 opensCase"));
        } else if (!opensCase.isBoolean()) {
            errors.add(invalid(path + "/opensCase", "opensCase 须为 true 或 false"));
        }
        JsonNode approvals = terms.get("statementApprovals");
        if (absent(approvals)) {
            errors.add(missing(path + "/statementApprovals", "发布审批 statementApprovals（可为空列表）"));
        } else if (!approvals.isArray()) {
            errors.add(invalid(path + "/statementApprovals", "statementApprovals 须为列表"));
        } else {
            for (int a = 0; a < approvals.size(); a++) {
                oneOf(approvals.get(a), path + "/statementApprovals/" + a, ApprovalStep.class, "UNKNOWN_APPROVAL_STEP",
                        "审批环节", errors);
            }
        }
    }

    private static boolean isDuration(String text) {
        try {
            return !Duration.parse(text).isNegative();
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static <E extends Enum<E>> void oneOf(JsonNode node, String path, Class<E> type, String kind, String what,
                                                  List<PlanError> errors) {
        boolean known = node.isString() && Arrays.stream(type.getEnumConstants())
                .anyMatch(e -> e.name().equals(node.asString()));
        if (!known) {
            errors.add(new PlanError(path, kind, "未知的" + what + " " + node + "，可选："
                    + String.join("、", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
        }
    }

    private static void known(JsonNode node, String path, Set<String> fields, List<PlanError> errors) {
        for (String field : node.propertyNames()) {
            if (!fields.contains(field)) {
                errors.add(new PlanError(path + "/" + escape(field), "UNKNOWN_FIELD", "未知字段 " + field));
            }
        }
    }

    private static void text(JsonNode node, String path, String field, List<PlanError> errors) {
        JsonNode value = node.get(field);
        if (!absent(value) && !value.isString()) {
            errors.add(invalid(path + "/" + field, field + " 须为文字"));
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static PlanError missing(String path, String what) {
        return new PlanError(path, "MISSING_FIELD", "缺少" + what);
    }

    private static PlanError invalid(String path, String message) {
        return new PlanError(path, "INVALID_VALUE", message);
    }

    /** JSON-pointer escaping of a field name (RFC 6901). */
    private static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }

    private static <T> T bind(String id, Supplier<T> binding) {
        try {
            return binding.get();
        } catch (JacksonException e) {
            // Every rule the binding enforces is checked above; this is the net for one that is not.
            throw InvalidPlanException.ofDocument(id, List.of(new PlanError("", "INVALID_VALUE",
                    "预案文档不合规：" + e.getOriginalMessage())));
        }
    }

    private static ErrorResponseException badRequest(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(title);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
