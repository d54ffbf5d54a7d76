-- A post collected from a source keeps its identity by (source_id, external_id) when both are
-- known, so a post whose URL changed at the source updates the same post.
create table post_identity (
    source_id   text        not null,
    external_id text        not null,
    post_id     uuid        not null,
    created_at  timestamptz not null,
    primary key (source_id, external_id)
);

-- Metric history (传播数据快照): the engagement figures of a post each time a submission changed them.
create table post_snapshot (
    id       bigint      generated always as identity primary key,
    post_id  uuid        not null,
    at       timestamptz not null,
    reads    bigint      not null check (reads >= 0),
    comments bigint      not null check (comments >= 0),
    reposts  bigint      not null check (reposts >= 0),
    likes    bigint      not null check (likes >= 0)
);

create index post_snapshot_post_idx on post_snapshot (post_id, at, id);
