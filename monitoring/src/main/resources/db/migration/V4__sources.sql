-- Sources (信息源): where the poller collects posts from. A FEED is an RSS 2.0 or Atom feed polled
-- with conditional GET; each entry becomes a post through the ingest path.
create table source (
    id                    uuid        primary key,
    name                  text        not null,
    kind                  text        not null check (kind in ('FEED')),
    url                   text        not null,
    unit_id               text        not null,
    media_type            text        not null,
    poll_interval_seconds integer     not null check (poll_interval_seconds > 0),
    enabled               boolean     not null,
    -- validators of the last successful fetch, sent back as If-None-Match / If-Modified-Since
    etag                  text,
    last_modified         text,
    last_polled_at        timestamptz,
    last_success_at       timestamptz,
    last_error            text,
    consecutive_failures  integer     not null default 0,
    -- entries ingested and skipped (invalid) by the last poll that read the feed
    last_ingested         integer     not null default 0,
    last_skipped          integer     not null default 0,
    next_poll_at          timestamptz not null,
    created_by            text        not null,
    created_at            timestamptz not null
);

create index source_due_idx on source (next_poll_at) where enabled;
