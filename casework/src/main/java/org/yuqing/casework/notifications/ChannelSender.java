package org.yuqing.casework.notifications;

/**
 * Sends one delivery on one outside channel (email, SMS gateway, a group robot). Called by the dispatcher outside any
 * transaction; never throws for a failed send, and never puts a credential into an {@link Outcome}'s error.
 */
interface ChannelSender {

    /** The channel it serves: {@code EMAIL}, {@code SMS}, {@code WECOM} or {@code DINGTALK}. */
    String channel();

    /** Whether the channel is configured; deliveries are planned only on configured channels. */
    boolean enabled();

    /**
     * Whether the receiver drops a repeated idempotency key, so an attempt interrupted by a restart may be made again
     * without a second message reaching anyone.
     */
    default boolean receiverDeduplicates() {
        return false;
    }

    /** Sends the delivery once. */
    Outcome send(Delivery delivery);

    /**
     * What one attempt came to.
     *
     * @param sent      whether the channel accepted the message
     * @param permanent for a failure: whether trying again cannot help (a wrong address, a refused credential)
     * @param error     for a failure: what went wrong, without credentials
     */
    record Outcome(boolean sent, boolean permanent, String error) {

        static final Outcome SENT = new Outcome(true, false, null);

        static Outcome retry(String error) {
            return new Outcome(false, false, error);
        }

        static Outcome giveUp(String error) {
            return new Outcome(false, true, error);
        }
    }
}
