-- The audit of this service: denied attempts and sensitive actions, append-only.
create table audit_event (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null default clock_timestamp(),
    actor          text        not null,
    actor_units    text        not null default '',
    action         text        not null,
    target         text        not null,
    outcome        text        not null,
    client_address text,
    detail         text
);

create index audit_event_occurred_at on audit_event (occurred_at);
create index audit_event_actor on audit_event (actor, id);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op;
end;
$$;

create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
