package org.yuqing.publishing.channels;

import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The manual channel (人工发布): for a platform the service cannot post to itself (e.g. 政务微博 posted by the press
 * officer, a third-party media desk). Publishing queues its release PENDING with copy-ready text (the configured
 * rendition, {@code microblog} by default); the delivery worker never touches it; a publisher who has posted it
 * records the proof URL ({@code POST …/releases/manual/proof}), which makes it DELIVERED.
 */
@Component
class ManualChannel implements Channel {

    static final String NAME = "manual";

    private final ChannelProperties.Manual settings;

    ManualChannel(ChannelProperties properties) {
        this.settings = properties.manual();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public Optional<String> manualRendition() {
        return Optional.of(settings.rendition());
    }

    /** Never called by the service: a person releases on this channel. Answers PENDING, which records nothing. */
    @Override
    public Delivery deliver(Publication publication) {
        return new Delivery(NAME, null, Delivery.Status.PENDING);
    }
}
