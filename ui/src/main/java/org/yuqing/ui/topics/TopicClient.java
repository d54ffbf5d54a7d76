package org.yuqing.ui.topics;

import java.util.List;

import org.springframework.stereotype.Component;
import org.yuqing.ui.gateway.GatewayApi;
import org.yuqing.ui.gateway.GatewayCallException;

/**
 * The topics of the monitoring service, read and changed through the gateway as the current user (monitoring
 * limits them to the user's unit scope and refuses changes by users who may not edit topics).
 */
@Component
class TopicClient {

    /** Matching posts a trial lists at most. */
    static final int TRIAL_SIZE = 20;

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
     * Tries a draft over the recent posts the user may see, without saving it ({@code POST
     * /api/monitoring/topics/test}): monitoring runs the draft's own query (words or expression, filters).
     *
     * @param draft the topic as typed
     * @param days  how many days back to look
     * @return how many posts match and the newest of them, with the draft's words marked
     * @throws GatewayCallException when monitoring refuses the draft (an invalid expression names its position in
     *                              the detail) or cannot be reached
     */
    TopicTrial test(TopicDraft draft, int days) {
        return api.postFor("/api/monitoring/topics/test?days={days}&size={size}", draft, TopicTrial.class, days,
                TRIAL_SIZE);
    }
}
