package org.yuqing.publishing.site;

import org.springframework.stereotype.Component;
import org.yuqing.publishing.channels.Channel;
import org.yuqing.publishing.channels.Delivery;
import org.yuqing.publishing.channels.Publication;

/**
 * The built-in public website (政府网站 发布栏目). Releasing is recording the release: the site shows
 * every statement with a delivered release on this channel, from the commit on. Being local, it is
 * delivered inside the publish transaction rather than queued.
 */
@Component
class WebsiteChannel implements Channel {

    static final String NAME = "website";

    @Override
    public String name() {
        return NAME;
    }

    /** Delivered in the publish transaction: the public page appears exactly when the commit does. */
    @Override
    public boolean deliveredAfterCommit() {
        return false;
    }

    @Override
    public Delivery deliver(Publication publication) {
        return new Delivery(NAME, publication.publicUrl(), Delivery.Status.DELIVERED);
    }
}
