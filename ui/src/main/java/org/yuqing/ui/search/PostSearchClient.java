package org.yuqing.ui.search;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.stereotype.Component;
import org.yuqing.ui.gateway.GatewayApi;
import org.yuqing.ui.gateway.GatewayCallException;

/**
 * Search over the monitoring service's posts, through the gateway as the current user (monitoring finds only posts
 * of the user's unit scope, and counts only those in the facets).
 */
@Component
class PostSearchClient {

    private final GatewayApi api;

    PostSearchClient(GatewayApi api) {
        this.api = api;
    }

    /**
     * One page of a search.
     *
     * @param criteria what to search for
     * @param after    the {@code next} cursor of the previous page, {@code null} for the first page
     * @return the page; the first carries the facets
     * @throws GatewayCallException when the search cannot be run (a refusal's detail names the parameter)
     */
    PostSearchResult search(SearchCriteria criteria, String after) {
        return api.get("/api/monitoring/posts/search", criteria.page(after), PostSearchResult.class);
    }

    /**
     * The names of the topics the user may see, for the topic filter.
     *
     * @return name by topic id, in monitoring's order
     * @throws GatewayCallException when they cannot be read
     */
    Map<String, String> topicNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (TopicName topic : api.getList("/api/monitoring/topics", TopicName.class)) {
            names.put(topic.id(), topic.name());
        }
        return names;
    }

    /**
     * A topic's id and name.
     *
     * @param id   topic id
     * @param name topic name
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TopicName(String id, String name) {
    }
}
