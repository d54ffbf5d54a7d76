package org.yuqing.events;

import java.time.Duration;
import java.util.List;

/**
 * Where a consumer reads an upstream service's events from. The default reads the upstream's HTTP
 * feed; a broker-backed implementation can take its place.
 */
public interface EventSource {

    /**
     * Events after {@code position}, oldest first, at most {@code limit}; waits up to {@code wait}
     * when there are none yet, then returns an empty list.
     *
     * @throws EventSourceUnavailableException when the upstream cannot be reached
     */
    List<FeedEvent> poll(long position, int limit, Duration wait);
}
