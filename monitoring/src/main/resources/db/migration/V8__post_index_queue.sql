-- Posts accepted but not yet in Elasticsearch (待索引队列). A submission writes its post here in the transaction that
-- records its snapshots and incidents, then stores it in Elasticsearch and removes the row; while Elasticsearch is
-- unavailable the rows stay and the indexer stores them when it is back. One row per post: a later submission
-- replaces the document, so the index only ever receives a post's latest state.
create table post_index_queue (
    post_id    uuid        primary key,
    document   jsonb       not null,
    queued_at  timestamptz not null,
    attempts   integer     not null default 0,
    last_error text
);

create index post_index_queue_queued_idx on post_index_queue (queued_at);
