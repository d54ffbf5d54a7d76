package org.yuqing.publishing.channels;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;

/**
 * The channel configuration as this service runs it ({@code GET /api/publishing/channels}, administrators only):
 * each channel's name, whether it is on and how it is delivered. Credentials are configuration and never shown.
 */
@RestController
class ChannelController {

    private final List<Channel> channels;

    ChannelController(List<Channel> channels) {
        this.channels = List.copyOf(channels);
    }

    @GetMapping("/api/publishing/channels")
    List<ChannelView> channels() {
        return channels.stream().map(ChannelView::of).sorted(Comparator.comparing(ChannelView::name)).toList();
    }

    /**
     * One channel.
     *
     * @param name      as recorded on releases
     * @param enabled   whether published statements are released to it
     * @param delivery  {@code local} (in the publish transaction), {@code worker} (queued, sent after the commit) or
     *                  {@code manual} (posted by a person, proven by URL)
     * @param rendition for a manual channel, the rendition a person copies; otherwise {@code null}
     */
    record ChannelView(String name, boolean enabled, String delivery, String rendition) {

        static ChannelView of(Channel c) {
            String delivery = c.manualRendition().isPresent() ? "manual" : c.deliveredAfterCommit() ? "worker" : "local";
            return new ChannelView(c.name(), c.enabled(), delivery, c.manualRendition().orElse(null));
        }
    }
}
