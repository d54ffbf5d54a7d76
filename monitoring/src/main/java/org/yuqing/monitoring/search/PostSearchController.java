package org.yuqing.monitoring.search;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yuqing.security.Caller;

/**
 * Search over stored posts: {@code GET /api/monitoring/posts/search} with terms, filters, sort, facets and deep
 * paging (parameters: {@link SearchParameters}). Every term must occur as an exact phrase in the title or text. Only
 * posts of the caller's unit scope are found (those that matched a topic of one of their units), and the facets
 * count only those.
 */
@RestController
class PostSearchController {

    private final PostIndex index;

    PostSearchController(PostIndex index) {
        this.index = index;
    }

    @GetMapping("/api/monitoring/posts/search")
    PostSearchResult search(Caller caller, @RequestParam MultiValueMap<String, String> params) {
        return index.search(SearchParameters.search(params, caller.unitScope()));
    }
}
