package org.yuqing.publishing.channels;

/**
 * A place an approved statement is released to: the built-in website, email to the press, a
 * signed CMS webhook, later 政务微博, 政务微信, 手机报. Every enabled channel bean receives every
 * published statement.
 *
 * <p>{@link #deliver} runs inside the transaction that marks the statement published. An adapter
 * for an external system delivers synchronously with a bounded timeout and reports a failure as
 * {@link Delivery.Status#FAILED} with the reason (it must not throw): a failed channel neither
 * undoes the publication nor the other channels, and can be retried later with the same
 * idempotency key ({@code <statement id>:<channel>}).
 */
public interface Channel {

    /** Stable name of the channel, as recorded on releases and events (e.g. {@code website}). */
    String name();

    /** Whether statements are released to this channel now. */
    default boolean enabled() {
        return true;
    }

    /**
     * Releases the statement on this channel, rendering it as the channel needs. Called again
     * with the same publication when a failed delivery is retried.
     *
     * @param publication the approved text and where the public page of it is
     * @return what happened; never {@code null}
     */
    Delivery deliver(Publication publication);
}
