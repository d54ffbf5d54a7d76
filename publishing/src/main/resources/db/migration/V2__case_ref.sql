-- The cases publishing knows of, copied from casework's CaseOpened events: a statement belongs to
-- one of them, and the case's level decides which approvals the statement needs.
create table case_ref (
    case_id             uuid primary key,
    incident_id         uuid        not null,
    unit_id             text        not null,
    title               text        not null,
    level               text        not null check (level in ('GENERAL', 'SERIOUS', 'MAJOR', 'EXTRAORDINARY')),
    -- ApprovalStep names in the order the plan chains them; may be empty
    statement_approvals text[]      not null,
    opened_at           timestamptz not null
);
