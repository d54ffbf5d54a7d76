package org.yuqing.monitoring.search;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.monitoring.topics.Topic;
import org.yuqing.monitoring.topics.TopicDraft;
import org.yuqing.monitoring.topics.Topics;
import org.yuqing.monitoring.web.InvalidRequestException;
import org.yuqing.security.Caller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trying a topic before saving it (试查): {@code POST /api/monitoring/topics/test?days=7&size=20} with a topic draft
 * (the body of a topic create, not saved) answers the recent posts the draft matches — its Elasticsearch query
 * ({@link TopicQuery}, the matcher's semantics: words or expression, site and media-type filters), published in the
 * last {@code days} days (default 7, at most 90), within the caller's unit scope, newest first, with the draft's words
 * highlighted and the total count. The draft is checked like a create (400 invalid, 422 invalid expression with its
 * position, 403 a unit outside the caller's scope), but a blank name is allowed.
 */
@RestController
class TopicTrialController {

    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 90;
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    private final Topics topics;
    private final PostIndex index;
    private final Clock clock;

    TopicTrialController(Topics topics, PostIndex index, Clock clock) {
        this.topics = topics;
        this.index = index;
        this.clock = clock;
    }

    /**
     * The answer of a trial.
     *
     * @param total how many posts of the window the draft matches
     * @param days  the window, in days back from now
     * @param since its start
     * @param hits  the newest matching posts, with the draft's words marked in {@code highlights}
     */
    record TopicTrial(long total, int days, Instant since, List<PostSearchResult.Hit> hits) {
    }

    @PostMapping("/api/monitoring/topics/test")
    TopicTrial test(@RequestBody TopicDraft draft, @RequestParam(required = false) String days,
                    @RequestParam(required = false) String size, Caller caller) {
        Map<String, String> errors = new LinkedHashMap<>();
        int d = number(days, DEFAULT_DAYS, "days", 1, MAX_DAYS, errors);
        int n = number(size, DEFAULT_SIZE, "size", 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Topic topic = topics.unsaved(draft, caller);
        Instant since = clock.instant().minus(Duration.ofDays(d)).truncatedTo(ChronoUnit.SECONDS);
        PostSearchResult found = index.searchTopic(TopicQuery.of(topic), TopicQuery.highlight(topic), since, n,
                caller.unitScope());
        return new TopicTrial(found.total(), d, since, found.hits());
    }

    private static int number(String value, int absent, String name, int min, int max, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(name, "must be a whole number between " + min + " and " + max);
        return absent;
    }
}
