package org.yuqing.ui.topics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yuqing.ui.gateway.GatewayApi;
import org.yuqing.ui.gateway.GatewayCallException;

/**
 * The topics of the monitoring service, read and changed through the gateway as the current user (monitoring
 * limits them to the user's unit scope and refuses changes by users who may not edit topics).
 */
@Component
class TopicClient {

    /** Posts per page of the trial run's search (monitoring's maximum). */
    static final int PAGE = 100;
    /** Pages of recent posts a trial run reads at most. */
    static final int PAGES = 3;

    private final GatewayApi api;

    TopicClient(GatewayApi api) {
        this.api = api;
    }

    /**
     * The topics the user may see.
     *
     * @return the topics in monitoring's order
     * @throws GatewayCallException when they cannot be read
     */
    List<TopicRecord> topics() {
        return api.getList("/api/monitoring/topics", TopicRecord.class);
    }

    /**
     * Creates a topic.
     *
     * @param draft the topic
     * @throws GatewayCallException when monitoring refuses it (the detail names the fields)
     */
    void create(TopicDraft draft) {
        api.post("/api/monitoring/topics", draft);
    }

    /**
     * Changes a topic.
     *
     * @param id    topic id
     * @param draft its new name, unit and words
     * @throws GatewayCallException when monitoring refuses it
     */
    void update(String id, TopicDraft draft) {
        api.put("/api/monitoring/topics/{id}", draft, id);
    }

    /**
     * Deletes a topic.
     *
     * @param id topic id
     * @throws GatewayCallException when monitoring refuses it
     */
    void delete(String id) {
        api.delete("/api/monitoring/topics/{id}", id);
    }

    /**
     * The newest posts the user may see, published since {@code since}: at most {@link #PAGES} pages of
     * {@link #PAGE}, newest first.
     *
     * @param since the earliest publication time
     * @return the posts and how many there are in all
     * @throws GatewayCallException when the search fails
     */
    RecentPosts recentPosts(Instant since) {
        List<RecentPosts.Post> posts = new ArrayList<>();
        long total = 0;
        String after = null;
        for (int page = 0; page < PAGES; page++) {
            Map<String, Object> query = new HashMap<>(Map.of("sort", "time", "since", since.toString(),
                    "size", PAGE));
            if (after != null) {
                query.put("after", after);
            }
            RecentPosts answer = api.get("/api/monitoring/posts/search", query, RecentPosts.class);
            if (page == 0) {
                total = answer.total();
            }
            posts.addAll(answer.hits());
            after = answer.next();
            if (after == null || answer.hits().isEmpty()) {
                break;
            }
        }
        return new RecentPosts(total, posts, after);
    }
}
