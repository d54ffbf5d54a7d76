package org.yuqing.monitoring.search;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.monitoring.web.InvalidRequestException;
import org.yuqing.security.Caller;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keyword search over stored posts: {@code GET /api/monitoring/posts/search?q=&from=&size=&sort=}.
 * {@code q} is split on whitespace; every term must occur as an exact phrase in the title or text. Only posts of
 * the caller's unit scope are found (those that matched a topic of one of their units).
 */
@RestController
class PostSearchController {

    static final int MAX_SIZE = 100;
    static final int MAX_WINDOW = 10_000;

    private final PostIndex index;

    PostSearchController(PostIndex index) {
        this.index = index;
    }

    @GetMapping("/api/monitoring/posts/search")
    PostSearchResult search(Caller caller,
                            @RequestParam(defaultValue = "") String q,
                            @RequestParam(defaultValue = "0") int from,
                            @RequestParam(defaultValue = "20") int size,
                            @RequestParam(defaultValue = "relevance") String sort) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (from < 0) {
            errors.put("from", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.put("size", "must be between 1 and " + MAX_SIZE);
        }
        if (errors.isEmpty() && from + size > MAX_WINDOW) {
            errors.put("from", "from + size must not exceed " + MAX_WINDOW);
        }
        PostQuery.Order order = switch (sort.toLowerCase(Locale.ROOT)) {
            case "relevance" -> PostQuery.Order.RELEVANCE;
            case "time" -> PostQuery.Order.TIME;
            default -> {
                errors.put("sort", "must be relevance or time");
                yield null;
            }
        };
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<String> terms = Arrays.stream(q.strip().split("[\\s\\u3000]+")).filter(t -> !t.isEmpty()).distinct().toList();
        return index.search(new PostQuery(terms, from, size, order, caller.unitScope()));
    }
}
