package org.yuqing.monitoring.search;

/**
 * A stored post's document as read, with the version Elasticsearch holds it under (the revision of the write that
 * stored it): a job that rewrites the post writes at that same version, so a newer write that arrived meanwhile wins.
 *
 * @param post    the document
 * @param version its version in Elasticsearch, or its revision in the queue when it waits there
 */
public record VersionedPost(PostDocument post, long version) {
}
