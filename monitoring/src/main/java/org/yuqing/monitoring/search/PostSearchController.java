package org.yuqing.monitoring.search;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.monitoring.topics.Topic;
import org.yuqing.monitoring.topics.Topics;
import org.yuqing.security.Caller;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Search over stored posts: {@code GET /api/monitoring/posts/search} with terms, filters, sort, facets and deep
 * paging (parameters: {@link SearchParameters}). Every term must occur as an exact phrase in the title or text. Only
 * posts of the caller's unit scope are found (those that matched a topic of one of their units), and the facets
 * count only those: volume, site, media type, mainstream (true/false) and topic (only the caller's topics, named).
 */
@RestController
class PostSearchController {

    private final PostIndex index;
    private final Topics topics;

    PostSearchController(PostIndex index, Topics topics) {
        this.index = index;
        this.topics = topics;
    }

    @GetMapping("/api/monitoring/posts/search")
    PostSearchResult search(Caller caller, @RequestParam MultiValueMap<String, String> params) {
        PostQuery query = SearchParameters.search(params, caller.unitScope());
        Map<UUID, String> names = new LinkedHashMap<>();
        if (query.interval() != null) {
            for (Topic topic : topics.visibleTo(caller)) {
                names.put(topic.id(), topic.name());
            }
        }
        return index.search(query, names);
    }
}
