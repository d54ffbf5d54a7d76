package org.yuqing.monitoring.matching;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yuqing.monitoring.topics.Topics;
import org.yuqing.monitoring.topics.TopicsChanged;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Matches posts against all topics in real time. The compiled topics are rebuilt when a topic
 * changes here (after its transaction commits) or, for changes made by another replica, when the
 * periodic check sees a new topic version; the new compilation replaces the old one atomically, so
 * matching never waits for a rebuild.
 */
@Component
public class TopicMatcher implements SmartInitializingSingleton {

    private static final System.Logger LOG = System.getLogger(TopicMatcher.class.getName());

    private final Topics topics;
    private final AtomicReference<CompiledTopics> current = new AtomicReference<>(CompiledTopics.EMPTY);
    private volatile String version = "";

    TopicMatcher(Topics topics) {
        this.topics = topics;
    }

    /**
     * The topics a post matches: their words or expression, their site and media-type filters; disabled topics
     * never match.
     *
     * @param site      the post's site (lower-case domain); null only when unknown (then no topic with a site filter
     *                  matches)
     * @param mediaType the post's media type name (NEWS, …); null only when unknown
     * @param title     the post's title; may be null
     * @param text      the post's text; may be null
     * @return the matched topics, each once; empty when none
     */
    public List<MatchedTopic> match(String site, String mediaType, String title, String text) {
        return current.get().matchPost(site, mediaType, title, text);
    }

    /** Compiles the topics as they are now in the database and swaps them in. */
    public synchronized void rebuild() {
        String v = topics.version();
        CompiledTopics compiled = CompiledTopics.compile(topics.all());
        current.set(compiled);
        version = v;
        LOG.log(System.Logger.Level.DEBUG, "topic matcher rebuilt with {0} topics", compiled.size());
    }

    @Override
    public void afterSingletonsInstantiated() {
        // load HanLP's traditional → simplified table at startup, not on the first post
        TextNormalizer.warmUp();
        rebuild();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(TopicsChanged changed) {
        rebuild();
    }

    @Scheduled(fixedDelayString = "${yuqing.monitoring.topic-refresh:PT30S}",
            initialDelayString = "${yuqing.monitoring.topic-refresh:PT30S}")
    void refreshIfChangedElsewhere() {
        try {
            if (!topics.version().equals(version)) {
                rebuild();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "topic matcher refresh failed; keeping the current topics", e);
        }
    }
}
