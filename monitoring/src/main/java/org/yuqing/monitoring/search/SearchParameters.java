package org.yuqing.monitoring.search;

import org.springframework.util.MultiValueMap;
import org.yuqing.monitoring.web.InvalidRequestException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The query parameters search and export share, read into a {@link PostQuery}; a value a caller got wrong is a 400
 * problem naming the parameter. Parameters that take several values take them repeated or comma-separated.
 *
 * <ul>
 *   <li>{@code q}: terms separated by blanks, each an exact phrase in the title or text;</li>
 *   <li>{@code since}, {@code until}: publication time range, ISO-8601 instants, {@code since} inclusive;</li>
 *   <li>{@code site}, {@code mediaType}, {@code topicId}, {@code incidentId}: any of the values;</li>
 *   <li>{@code mainstream}: {@code true} only mainstream outlets, {@code false} only others;</li>
 *   <li>{@code sort}: {@code relevance} (default), {@code time} or {@code heat};</li>
 *   <li>search only: {@code from}, {@code size}, {@code after} (the {@code next} cursor of the previous page) and
 *       {@code interval} ({@code day} default, or {@code hour}) of the volume facet.</li>
 * </ul>
 */
final class SearchParameters {

    static final int MAX_SIZE = 100;
    static final int MAX_WINDOW = 10_000;

    private SearchParameters() {
    }

    /**
     * A page of a search.
     *
     * @throws InvalidRequestException naming every invalid parameter
     */
    static PostQuery search(MultiValueMap<String, String> params, Set<String> unitScope) {
        Map<String, String> errors = new LinkedHashMap<>();
        int from = integer(params, "from", 0, errors);
        int size = integer(params, "size", 20, errors);
        if (from < 0) {
            errors.put("from", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.put("size", "must be between 1 and " + MAX_SIZE);
        }
        if (!errors.containsKey("from") && !errors.containsKey("size") && from + size > MAX_WINDOW) {
            errors.put("from", "from + size must not exceed " + MAX_WINDOW + "; page further with after");
        }
        PostQuery.Interval interval = switch (single(params, "interval", "day").toLowerCase(Locale.ROOT)) {
            case "day" -> PostQuery.Interval.DAY;
            case "hour" -> PostQuery.Interval.HOUR;
            default -> {
                errors.put("interval", "must be day or hour");
                yield null;
            }
        };
        PostQuery common = common(params, unitScope, errors);
        SearchCursor after = null;
        String cursor = params.getFirst("after");
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = SearchCursor.decode(cursor.strip());
            } catch (IllegalArgumentException e) {
                errors.put("after", "is not a cursor of this search; pass the next value of the previous page");
            }
            if (after != null && common != null && after.order() != common.effectiveOrder()) {
                errors.put("after", "belongs to a search in another order; keep sort and q as they were");
            }
            if (from != 0) {
                errors.put("from", "must be 0 (or absent) with after");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        // facets describe all matching posts, so the first page carries them and later ones need not
        return new PostQuery(common.terms(), common.filter(), from, size, common.order(), after,
                after == null ? interval : null, unitScope);
    }

    /**
     * Every matching post, for an export: the terms, filters and order; paging parameters are ignored.
     *
     * @throws InvalidRequestException naming every invalid parameter
     */
    static PostQuery export(MultiValueMap<String, String> params, Set<String> unitScope) {
        Map<String, String> errors = new LinkedHashMap<>();
        PostQuery query = common(params, unitScope, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return query;
    }

    /** The parameters as one line for the audit, e.g. {@code q=化工厂; site=a.cn,b.cn; sort=time}. */
    static String describe(MultiValueMap<String, String> params) {
        return new TreeMap<>(params).entrySet().stream()
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static PostQuery common(MultiValueMap<String, String> params, Set<String> unitScope, Map<String, String> errors) {
        List<String> terms = Arrays.stream(single(params, "q", "").strip().split("[\\s\\u3000]+"))
                .filter(t -> !t.isEmpty()).distinct().toList();
        Instant since = instant(params, "since", errors);
        Instant until = instant(params, "until", errors);
        if (since != null && until != null && !since.isBefore(until)) {
            errors.put("until", "must be after since");
        }
        Set<String> sites = new LinkedHashSet<>();
        for (String site : values(params, "site")) {
            String s = site.toLowerCase(Locale.ROOT);
            sites.add(s.endsWith(".") ? s.substring(0, s.length() - 1) : s);
        }
        Set<String> mediaTypes = new LinkedHashSet<>();
        for (String type : values(params, "mediaType")) {
            try {
                mediaTypes.add(Medium.valueOf(type.toUpperCase(Locale.ROOT)).name());
            } catch (IllegalArgumentException e) {
                errors.put("mediaType", "must be one of " + List.of(Medium.values()));
            }
        }
        Set<UUID> topicIds = ids(params, "topicId", errors);
        Set<UUID> incidentIds = ids(params, "incidentId", errors);
        Boolean mainstream = switch (single(params, "mainstream", "").toLowerCase(Locale.ROOT)) {
            case "" -> null;
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.put("mainstream", "must be true or false");
                yield null;
            }
        };
        PostQuery.Order order = switch (single(params, "sort", "relevance").toLowerCase(Locale.ROOT)) {
            case "relevance" -> PostQuery.Order.RELEVANCE;
            case "time" -> PostQuery.Order.TIME;
            case "heat" -> PostQuery.Order.HEAT;
            default -> {
                errors.put("sort", "must be relevance, time or heat");
                yield PostQuery.Order.RELEVANCE;
            }
        };
        return new PostQuery(terms, new PostFilter(since, until, sites, mediaTypes, topicIds, incidentIds, mainstream),
                0, 1, order, null, null, unitScope);
    }

    private static String single(MultiValueMap<String, String> params, String name, String absent) {
        String value = params.getFirst(name);
        return value == null ? absent : value.strip();
    }

    private static List<String> values(MultiValueMap<String, String> params, String name) {
        return params.getOrDefault(name, List.of()).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    private static int integer(MultiValueMap<String, String> params, String name, int absent, Map<String, String> errors) {
        String value = single(params, name, "");
        if (value.isEmpty()) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            errors.put(name, "must be a whole number");
            return absent;
        }
    }

    private static Instant instant(MultiValueMap<String, String> params, String name, Map<String, String> errors) {
        String value = single(params, name, "");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(name, "must be an ISO-8601 instant, e.g. 2026-11-21T00:00:00Z");
            return null;
        }
    }

    private static Set<UUID> ids(MultiValueMap<String, String> params, String name, Map<String, String> errors) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String value : values(params, name)) {
            try {
                ids.add(UUID.fromString(value));
            } catch (IllegalArgumentException e) {
                errors.put(name, "must be UUIDs");
            }
        }
        return ids;
    }
}
