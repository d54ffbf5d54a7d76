create table outbox (
    position     bigserial primary key,
    event_id     uuid        not null unique,
    event_type   text        not null,
    aggregate_id text        not null,
    payload      jsonb       not null,
    occurred_at  timestamptz not null default now()
);
create table feed_cursor (
    feed       text primary key,
    position   bigint      not null,
    updated_at timestamptz not null default now()
);
create table applied (
    event_id uuid primary key,
    title    text not null,
    seq      bigserial
);
