package org.yuqing.ui.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.yuqing.ui.i18n.ConsoleTime;

/**
 * What the user searches for, as monitoring's search and export parameters ({@code q}, {@code since}, {@code until},
 * {@code site}, {@code mediaType}, {@code mainstream}, {@code topicId}, {@code sort}, {@code interval}). Dates are
 * Beijing dates: {@code since} from the start of its day, {@code until} to the end of its day.
 *
 * @param terms      the words typed, sent as they are
 * @param since      first day, or {@code null}
 * @param until      last day, or {@code null}
 * @param sites      only these sites (any of them), none for all
 * @param mediaTypes only these media types (any of them), none for all
 * @param mainstream only mainstream outlets ({@code true}), only others ({@code false}) or both ({@code null})
 * @param topicId    only posts of this topic, or {@code null}
 * @param sort       {@code relevance}, {@code time} or {@code heat}
 * @param interval   {@code day} or {@code hour}, the width of the volume buckets
 */
record SearchCriteria(String terms, LocalDate since, LocalDate until, Set<String> sites, Set<String> mediaTypes,
                      Boolean mainstream, String topicId, String sort, String interval) {

    /** Page size of the result list. */
    static final int PAGE = 20;

    SearchCriteria {
        terms = terms == null ? "" : terms.strip();
        sites = Set.copyOf(new LinkedHashSet<>(sites == null ? Set.of() : sites));
        mediaTypes = Set.copyOf(new LinkedHashSet<>(mediaTypes == null ? Set.of() : mediaTypes));
        sort = sort == null ? "relevance" : sort;
        interval = interval == null ? "day" : interval;
    }

    /** The parameters both search and export take, in a stable order. */
    Map<String, Object> filters() {
        Map<String, Object> query = new LinkedHashMap<>();
        if (!terms.isEmpty()) {
            query.put("q", terms);
        }
        if (since != null) {
            query.put("since", startOf(since).toString());
        }
        if (until != null) {
            query.put("until", startOf(until.plusDays(1)).toString());
        }
        if (!sites.isEmpty()) {
            query.put("site", sites.stream().sorted().collect(Collectors.joining(",")));
        }
        if (!mediaTypes.isEmpty()) {
            query.put("mediaType", mediaTypes.stream().sorted().collect(Collectors.joining(",")));
        }
        if (mainstream != null) {
            query.put("mainstream", mainstream.toString());
        }
        if (topicId != null) {
            query.put("topicId", topicId);
        }
        query.put("sort", sort);
        return query;
    }

    /**
     * The parameters of one page of the search.
     *
     * @param after the cursor of the previous page, {@code null} for the first
     * @return the query parameters
     */
    Map<String, Object> page(String after) {
        Map<String, Object> query = filters();
        query.put("size", PAGE);
        query.put("interval", interval);
        if (after != null) {
            query.put("after", after);
        }
        return query;
    }

    /** @return the address of the CSV export of these criteria, through the gateway (same origin) */
    String exportHref() {
        return "/api/monitoring/posts/export?" + filters().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    SearchCriteria withSites(Set<String> newSites) {
        return new SearchCriteria(terms, since, until, newSites, mediaTypes, mainstream, topicId, sort, interval);
    }

    SearchCriteria withMediaTypes(Set<String> newMediaTypes) {
        return new SearchCriteria(terms, since, until, sites, newMediaTypes, mainstream, topicId, sort, interval);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ConsoleTime.ZONE).toInstant();
    }
}
