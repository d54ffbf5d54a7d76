package org.yuqing.events;

/** The upstream feed could not be read; the consumer retries later from the same position. */
public class EventSourceUnavailableException extends RuntimeException {

    public EventSourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
