package org.yuqing.publishing.channels;

/**
 * A place an approved statement is released to: the built-in website, later 政务微博, 政务微信, 手机报,
 * email/fax to the press. Every enabled channel bean receives every published statement.
 *
 * <p>{@link #deliver} runs inside the transaction that marks the statement published, so it must
 * not block on a remote system: an adapter for an external channel records the job and answers
 * {@link Delivery.Status#PENDING}, and a dispatcher (with retries) delivers it after the commit.
 */
public interface Channel {

    /** Stable name of the channel, as recorded on releases and events (e.g. {@code website}). */
    String name();

    /** Whether statements are released to this channel now. */
    default boolean enabled() {
        return true;
    }

    /**
     * Releases the statement on this channel, rendering it as the channel needs.
     *
     * @param publication the approved text and where the public page of it is
     * @return what happened; never {@code null}
     */
    Delivery deliver(Publication publication);
}
