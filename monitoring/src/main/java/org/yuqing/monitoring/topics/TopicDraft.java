package org.yuqing.monitoring.topics;

import org.yuqing.monitoring.web.InvalidRequestException;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a user submits to create, change or try a topic ({@code POST /api/monitoring/topics},
 * {@code PUT /api/monitoring/topics/{id}}, {@code POST /api/monitoring/topics/test}). A topic has either word groups
 * or an advanced {@code expression} ({@link TopicExpression}), not both. Absent lists count as empty, an absent
 * {@code enabled} as true.
 *
 * @param name         required
 * @param unitId       required: the owning unit, within the caller's unit scope
 * @param regionWords  地域词
 * @param subjectWords 主体词
 * @param eventWords   事件词
 * @param excludeWords 排除词
 * @param expression   高级表达式, instead of the word groups; blank counts as absent
 * @param sites        站点过滤: domains (e.g. {@code weibo.com}; subdomains included); empty: any site
 * @param mediaTypes   媒体类型过滤: NEWS, FORUM, WEIBO, WECHAT, VIDEO, GOVERNMENT, OTHER (any case); empty: any
 * @param enabled      启用; false keeps the topic but matches nothing
 */
public record TopicDraft(
        String name,
        String unitId,
        List<String> regionWords,
        List<String> subjectWords,
        List<String> eventWords,
        List<String> excludeWords,
        String expression,
        List<String> sites,
        List<String> mediaTypes,
        Boolean enabled) {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_WORD_LENGTH = 100;
    static final int MAX_WORDS_PER_GROUP = 500;
    static final int MAX_FILTER_VALUES = 200;
    /** The media types a post may have: the names of {@code org.yuqing.monitoring.search.Medium}. */
    static final List<String> MEDIA_TYPES = List.of("NEWS", "FORUM", "WEIBO", "WECHAT", "VIDEO", "GOVERNMENT", "OTHER");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9\\p{L}]([a-z0-9\\p{L}-]*[a-z0-9\\p{L}])?(\\.[a-z0-9\\p{L}]([a-z0-9\\p{L}-]*[a-z0-9\\p{L}])?)*");

    /** A word-group draft without filters, enabled. */
    public TopicDraft(String name, String unitId, List<String> regionWords, List<String> subjectWords,
                      List<String> eventWords, List<String> excludeWords) {
        this(name, unitId, regionWords, subjectWords, eventWords, excludeWords, null, null, null, null);
    }

    /**
     * The draft with names trimmed, word and filter lists trimmed, without blanks and duplicates, sites in lower
     * case, media types in capitals, {@code enabled} set and the expression (if any) checked.
     *
     * @throws InvalidRequestException    (400) when name or unitId is missing, neither words nor an expression nor both
     *                                    are given, a site or media type is invalid or a limit is exceeded
     * @throws InvalidExpressionException (422) when the expression does not parse, pointing at the position
     */
    public TopicDraft validated() {
        Map<String, String> errors = new LinkedHashMap<>();
        String n = name == null ? "" : name.strip();
        String u = unitId == null ? "" : unitId.strip();
        if (n.isEmpty()) {
            errors.put("name", "is required");
        } else if (n.length() > MAX_NAME_LENGTH) {
            errors.put("name", "is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (u.isEmpty()) {
            errors.put("unitId", "is required");
        }
        List<String> region = clean("regionWords", regionWords, errors);
        List<String> subject = clean("subjectWords", subjectWords, errors);
        List<String> event = clean("eventWords", eventWords, errors);
        List<String> exclude = clean("excludeWords", excludeWords, errors);
        String e = expression == null || expression.isBlank() ? null : expression.strip();
        boolean words = !region.isEmpty() || !subject.isEmpty() || !event.isEmpty() || !exclude.isEmpty();
        if (e != null && words) {
            errors.put("expression", "a topic has either word groups or an expression, not both");
        } else if (e == null && region.isEmpty() && subject.isEmpty() && event.isEmpty()) {
            errors.put("regionWords/subjectWords/eventWords",
                    "at least one region, subject or event word (or an expression) is required");
        }
        List<String> s = sites(errors);
        List<String> m = mediaTypes(errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (e != null) {
            TopicExpression.parse(e);
        }
        return new TopicDraft(n, u, region, subject, event, exclude, e, s, m, enabled == null || enabled);
    }

    /**
     * The topic this (validated) draft describes.
     *
     * @param id the topic's id
     */
    Topic toTopic(java.util.UUID id, String createdBy, java.time.Instant createdAt, String updatedBy,
                  java.time.Instant updatedAt) {
        return new Topic(id, name, unitId, regionWords, subjectWords, eventWords, excludeWords, expression, sites,
                mediaTypes, enabled == null || enabled, createdBy, createdAt, updatedBy, updatedAt);
    }

    private static List<String> clean(String field, List<String> words, Map<String, String> errors) {
        if (words == null) {
            return List.of();
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String word : words) {
            String w = word == null ? "" : word.strip();
            if (w.length() > MAX_WORD_LENGTH) {
                errors.put(field, "has a word longer than " + MAX_WORD_LENGTH + " characters");
            } else if (!w.isEmpty()) {
                kept.add(w);
            }
        }
        if (kept.size() > MAX_WORDS_PER_GROUP) {
            errors.put(field, "has more than " + MAX_WORDS_PER_GROUP + " words");
        }
        return List.copyOf(kept);
    }

    private List<String> sites(Map<String, String> errors) {
        Set<String> kept = new LinkedHashSet<>();
        for (String site : sites == null ? List.<String>of() : sites) {
            String d = site == null ? "" : site.strip().toLowerCase(Locale.ROOT);
            if (d.endsWith(".")) {
                d = d.substring(0, d.length() - 1);
            }
            if (d.isEmpty()) {
                continue;
            }
            if (d.length() > 253 || !DOMAIN.matcher(d).matches()) {
                errors.put("sites", "must be domain names such as weibo.com, was " + site.strip());
            } else {
                kept.add(d);
            }
        }
        if (kept.size() > MAX_FILTER_VALUES) {
            errors.put("sites", "has more than " + MAX_FILTER_VALUES + " sites");
        }
        return List.copyOf(kept);
    }

    private List<String> mediaTypes(Map<String, String> errors) {
        Set<String> kept = new LinkedHashSet<>();
        for (String type : mediaTypes == null ? List.<String>of() : mediaTypes) {
            String t = type == null ? "" : type.strip().toUpperCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            if (!MEDIA_TYPES.contains(t)) {
                errors.put("mediaTypes", "must be some of " + MEDIA_TYPES);
            } else {
                kept.add(t);
            }
        }
        return List.copyOf(kept);
    }
}
