-- A case (案件) handles one incident from its grade until the review. Deadlines are copied from the
-- plan's terms when the case opens or escalates, so a later plan edit never moves a running clock.
create table case_file (
    id                     uuid        primary key,
    incident_id            uuid        not null unique,
    unit_id                text        not null,
    title                  text        not null,
    level                  text        not null,
    state                  text        not null,
    plan_id                text        not null,
    plan_version           integer     not null,
    terms                  jsonb       not null,
    opened_at              timestamptz not null,
    report_due_at          timestamptz not null,
    reported_at            timestamptz,
    first_statement_due_at timestamptz not null,
    first_statement_at     timestamptz,
    statement_approvals    text[]      not null default '{}',
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);

create index case_file_unit_state on case_file (unit_id, state);
create index case_file_opened_at on case_file (opened_at desc);

-- What happened to a case, in the words a leader reads (the accountability record starts here).
-- Entries caused by an upstream event carry its id, so a redelivered event adds nothing.
create table timeline_entry (
    id       bigserial   primary key,
    case_id  uuid        not null references case_file (id),
    at       timestamptz not null,
    kind     text        not null,
    summary  text        not null,
    actor    text        not null,
    detail   jsonb       not null default '{}',
    event_id uuid        unique
);

create index timeline_entry_case on timeline_entry (case_id, at, id);
