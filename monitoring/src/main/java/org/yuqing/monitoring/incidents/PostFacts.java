package org.yuqing.monitoring.incidents;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What incidents need to know of a post: where and when it appeared, the statement it carries and
 * its engagement figures at collection.
 *
 * @param postId      the post's id
 * @param site        the site's domain, e.g. {@code www.thepaper.cn}
 * @param title       its title; may be blank (then the post counts as a statement of its own)
 * @param text        its text, for an incident title when the title is blank
 * @param publishedAt when it was published
 * @param reads       reads or clicks, ≥ 0
 * @param comments    comments or replies, ≥ 0
 * @param reposts     reposts, ≥ 0
 * @param likes       likes, ≥ 0
 */
public record PostFacts(UUID postId, String site, String title, String text, Instant publishedAt,
                        long reads, long comments, long reposts, long likes) {

    public PostFacts {
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(publishedAt, "publishedAt");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        if (reads < 0 || comments < 0 || reposts < 0 || likes < 0) {
            throw new IllegalArgumentException("engagement figures cannot be negative");
        }
    }
}
