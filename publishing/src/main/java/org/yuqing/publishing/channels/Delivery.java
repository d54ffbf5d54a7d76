package org.yuqing.publishing.channels;

import java.util.Objects;

/**
 * The outcome of releasing one statement on one channel.
 *
 * @param channel the channel's name
 * @param url     where the released item can be seen, or {@code null} when the channel has none
 * @param status  what happened
 * @param error   why it failed (for {@link Status#FAILED}; never holds a secret), otherwise {@code null}
 */
public record Delivery(String channel, String url, Status status, String error) {

    /** Longest error text kept; a remote system's error page is cut there. */
    public static final int MAX_ERROR = 2000;

    public Delivery {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        if (error != null && error.length() > MAX_ERROR) {
            error = error.substring(0, MAX_ERROR);
        }
    }

    /** A delivery without error text. */
    public Delivery(String channel, String url, Status status) {
        this(channel, url, status, null);
    }

    /** A failed delivery with the reason. */
    public static Delivery failed(String channel, String error) {
        return new Delivery(channel, null, Status.FAILED, error == null ? "unknown error" : error);
    }

    /** Delivery states recorded on a release. */
    public enum Status {
        /** 已发布: the public can see it. */
        DELIVERED,
        /** 待发送: queued for a channel that is delivered to after the commit. */
        PENDING,
        /** 发送失败. */
        FAILED
    }
}
