-- Deadline warnings and misses the watcher has fired. The unique key makes "once" hold across restarts
-- and concurrent replicas: a clock restarted by an escalation has a new due_at, hence its own rows.
create table deadline_alert (
    id       bigserial   primary key,
    case_id  uuid        not null references case_file (id),
    clock    text        not null,
    due_at   timestamptz not null,
    kind     text        not null check (kind in ('WARNING', 'MISSED')),
    fired_at timestamptz not null,
    unique (case_id, clock, due_at, kind)
);

-- A running escalation chain (超时催办): the step it executes next and when; one per missed deadline.
create table escalation_run (
    id         bigserial   primary key,
    case_id    uuid        not null references case_file (id),
    clock      text        not null,
    due_at     timestamptz not null,
    next_step  integer     not null,
    next_at    timestamptz not null,
    state      text        not null check (state in ('RUNNING', 'STOPPED', 'COMPLETED')),
    started_at timestamptz not null,
    ended_at   timestamptz,
    unique (case_id, clock, due_at)
);

create index escalation_run_due on escalation_run (next_at) where state = 'RUNNING';

-- The in-app inbox (站内通知): one row per notice to a role of a unit.
create table notification (
    id             bigserial   primary key,
    recipient_role text        not null,
    recipient_unit text        not null,
    case_id        uuid        references case_file (id),
    text           text        not null,
    created_at     timestamptz not null,
    read_at        timestamptz
);

create index notification_recipient on notification (recipient_unit, recipient_role, created_at desc);
