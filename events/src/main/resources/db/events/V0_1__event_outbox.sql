-- Tables of the events library, created in the schema of each service that uses it (the service
-- adds classpath:db/events to its Flyway locations; version 0.1 sorts before the service's own).

-- Integration events leave the service through its outbox, written in the same transaction as the
-- change they describe; the feed serves them in position order.
create table outbox (
    position     bigserial primary key,
    event_id     uuid        not null unique,
    event_type   text        not null,
    aggregate_id text        not null,
    payload      jsonb       not null,
    occurred_at  timestamptz not null default now()
);

-- How far the service has applied each upstream feed; updated in the same transaction as the
-- changes the events caused, so an event is applied once even after a restart.
create table feed_cursor (
    feed       text primary key,
    position   bigint      not null,
    updated_at timestamptz not null default now()
);
