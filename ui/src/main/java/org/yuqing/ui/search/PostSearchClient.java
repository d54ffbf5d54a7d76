package org.yuqing.ui.search;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.yuqing.ui.gateway.GatewayApi;
import org.yuqing.ui.gateway.GatewayCallException;

/**
 * Keyword search over the monitoring service's posts, through the gateway as the current user.
 */
@Component
class PostSearchClient {

    private final GatewayApi api;

    PostSearchClient(GatewayApi api) {
        this.api = api;
    }

    /**
     * Searches posts.
     *
     * @param query the words typed by the user, sent as they are
     * @return total and best hits
     * @throws GatewayCallException when the search cannot be run
     */
    PostSearchResult search(String query) {
        return api.get("/api/monitoring/posts/search", Map.of("q", query), PostSearchResult.class);
    }
}
