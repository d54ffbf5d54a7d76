package org.yuqing.publishing.channels;

import java.util.Optional;

/**
 * A place an approved statement is released to: the built-in website, email to the press, a
 * signed CMS webhook, later 政务微博, 政务微信, 手机报. Every enabled channel bean receives every
 * published statement.
 *
 * <p>Publishing commits the statement with one release per enabled channel. A local channel
 * ({@link #deliveredAfterCommit()} false, the built-in website) is delivered inside that
 * transaction; every other channel's release is queued PENDING and {@link #deliver} is called after
 * the commit by the delivery worker, which retries a failure automatically with exponential backoff.
 * An adapter delivers with a bounded timeout and reports a failure as {@link Delivery.Status#FAILED}
 * with the reason (it must not throw): a failed channel neither undoes the publication nor the other
 * channels. Every attempt carries the same idempotency key ({@code <statement id>:<channel>}), so a
 * receiver can drop the duplicates a retry after an unrecorded success may cause.
 */
public interface Channel {

    /** Stable name of the channel, as recorded on releases and events (e.g. {@code website}). */
    String name();

    /** Whether statements are released to this channel now. */
    default boolean enabled() {
        return true;
    }

    /**
     * Whether releases on this channel are queued and delivered after the publish commits (default
     * {@code true}: an external system must never hold the publish transaction); {@code false} only
     * for a local channel whose delivery is a database write.
     */
    default boolean deliveredAfterCommit() {
        return true;
    }

    /**
     * For a channel released by hand: the key of the rendition (see
     * {@link org.yuqing.publishing.renditions.Renditions}) whose text the person copies. Such a release is queued
     * PENDING, never picked up by the delivery worker, and becomes DELIVERED when a publisher records the proof
     * URL. Empty (the default) for a channel delivered by the service.
     */
    default Optional<String> manualRendition() {
        return Optional.empty();
    }

    /**
     * Releases the statement on this channel, rendering it as the channel needs. Called again
     * with the same publication (same {@code publishedAt}) when a failed delivery is retried.
     *
     * @param publication the approved text and where the public page of it is
     * @return what happened; never {@code null}
     */
    Delivery deliver(Publication publication);

    /**
     * Releases the statement on a channel whose delivery takes several calls (e.g. draft, then publish): the
     * adapter reads how far earlier attempts got and saves each step as soon as it is done (it commits at once), so
     * a retry continues instead of posting twice. By default the progress is ignored.
     *
     * @param publication the approved text and where the public page of it is
     * @param progress    this release's progress, kept across attempts
     * @return what happened; {@link Delivery.Status#PENDING} when the platform is still working on it (the worker
     *         asks again later); never {@code null}
     */
    default Delivery deliver(Publication publication, DeliveryProgress progress) {
        return deliver(publication);
    }
}
