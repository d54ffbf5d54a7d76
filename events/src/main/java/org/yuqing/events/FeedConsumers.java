package org.yuqing.events;

import org.springframework.context.SmartLifecycle;

import java.util.List;
import java.util.Optional;

/**
 * The consumers of every upstream feed this service subscribes to; started after the application
 * context is ready and stopped before it closes.
 */
public final class FeedConsumers implements SmartLifecycle {

    private final List<FeedConsumer> consumers;
    private volatile boolean running;

    FeedConsumers(List<FeedConsumer> consumers) {
        this.consumers = List.copyOf(consumers);
    }

    /** The consumer of the named feed, if subscribed. */
    public Optional<FeedConsumer> consumer(String feed) {
        return consumers.stream().filter(c -> c.feed().equals(feed)).findFirst();
    }

    @Override
    public void start() {
        consumers.forEach(FeedConsumer::start);
        running = true;
    }

    @Override
    public void stop() {
        consumers.forEach(FeedConsumer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
