package org.yuqing.publishing.channels;

import java.util.Objects;

/**
 * The outcome of releasing one statement on one channel.
 *
 * @param channel the channel's name
 * @param url     where the released item can be seen, or {@code null} when the channel has none
 * @param status  what happened
 */
public record Delivery(String channel, String url, Status status) {

    public Delivery {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
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
