-- Integration events leave this service through its outbox, written in the same transaction as
-- the change they describe; the event feed reads it in position order (see domain events.feed).
create table outbox (
    position     bigserial primary key,
    event_id     uuid        not null unique,
    event_type   text        not null,
    aggregate_id text        not null,
    payload      jsonb       not null,
    occurred_at  timestamptz not null default now()
);

-- How far this service has applied each upstream feed; updated in the same transaction as the
-- changes the events caused, so an event is applied once even after a restart.
create table feed_cursor (
    feed       text primary key,
    position   bigint      not null,
    updated_at timestamptz not null default now()
);
