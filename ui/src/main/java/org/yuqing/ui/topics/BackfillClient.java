package org.yuqing.ui.topics;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.yuqing.ui.gateway.GatewayApi;
import org.yuqing.ui.gateway.GatewayCallException;

/**
 * Backfills (回溯) of the monitoring service: starting one and reading its progress, through the gateway as the
 * current user.
 */
@Component
class BackfillClient {

    private final GatewayApi api;

    BackfillClient(GatewayApi api) {
        this.api = api;
    }

    /**
     * Starts a backfill of the topic.
     *
     * @param topicId a topic the user may edit
     * @return the job, queued
     * @throws GatewayCallException when monitoring refuses it or cannot be reached
     */
    BackfillStatus start(String topicId) {
        return api.postFor("/api/monitoring/topics/{id}/backfill", null, BackfillStatus.class, topicId);
    }

    /**
     * The progress of a backfill.
     *
     * @param topicId its topic
     * @param jobId   the job
     * @return its progress now
     * @throws GatewayCallException when it cannot be read
     */
    BackfillStatus status(String topicId, String jobId) {
        return api.get("/api/monitoring/topics/" + topicId + "/backfills/" + jobId, Map.of(), BackfillStatus.class);
    }
}
