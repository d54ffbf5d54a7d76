package org.yuqing.ui.incidents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.stereotype.Component;
import org.yuqing.ui.gateway.GatewayApi;
import org.yuqing.ui.gateway.GatewayCallException;

/**
 * The incidents of the monitoring service and what this page shows with them, read through the gateway as the
 * current user (monitoring limits every answer to the user's unit scope).
 */
@Component
class IncidentClient {

    /** As many incidents as the page lists; monitoring answers at most 500. */
    static final int LIMIT = 200;
    /** Representative posts shown per incident. */
    static final int REPRESENTATIVE_POSTS = 5;

    private final GatewayApi api;

    IncidentClient(GatewayApi api) {
        this.api = api;
    }

    /**
     * The newest incidents the user may see.
     *
     * @return at most {@link #LIMIT} incidents, newest first
     * @throws GatewayCallException when they cannot be read
     */
    List<IncidentSummary> incidents() {
        return api.getList("/api/monitoring/incidents", Map.of("limit", LIMIT), IncidentSummary.class);
    }

    /**
     * The names of the topics the user may see.
     *
     * @return topic name by topic id
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
     * The incident's hottest posts.
     *
     * @param incidentId an incident id
     * @return total and the hottest {@link #REPRESENTATIVE_POSTS} posts
     * @throws GatewayCallException when they cannot be read
     */
    IncidentPosts representativePosts(String incidentId) {
        return api.get("/api/monitoring/posts/search",
                Map.of("incidentId", incidentId, "sort", "heat", "size", REPRESENTATIVE_POSTS),
                IncidentPosts.class);
    }

    /**
     * A topic's id and name, as {@code GET /api/monitoring/topics} lists it.
     *
     * @param id   topic id
     * @param name topic name
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TopicName(String id, String name) {
    }
}
