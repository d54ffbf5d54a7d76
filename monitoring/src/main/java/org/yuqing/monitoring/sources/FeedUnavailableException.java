package org.yuqing.monitoring.sources;

/** A feed could not be fetched or read; its message is recorded as the source's last error. */
class FeedUnavailableException extends Exception {

    FeedUnavailableException(String message) {
        super(message);
    }

    FeedUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
