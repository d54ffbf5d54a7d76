-- The plan's remaining clocks (书面报告、答复询问质疑、续报) and the case's working material (tasks, attachments).
-- Like the other clocks their lengths are copied onto the case, so a later plan edit never moves a running clock.
--   written report: starts with a phone report (written_report_from), due the plan's writtenReportAfterPhoneWithin
--                   later, stopped by a written report or special report made after it;
--   inquiry reply:  for cases classified INQUIRY (询问质疑), due 23:59:59 Asia/Shanghai of the day the case was
--                   detected (opened_at), stopped by the first statement published while it runs;
--   progress:       while RESPONDING/TRACKING, due last progress (report or statement) + progress_every_seconds.
alter table case_file
    add column category               text        not null default 'UNCLASSIFIED',
    add column written_report_from    timestamptz,
    add column written_report_due_at  timestamptz,
    add column written_reported_at    timestamptz,
    add column inquiry_reply_due_at   timestamptz,
    add column inquiry_replied_at     timestamptz,
    add column progress_every_seconds bigint      not null default 86400 check (progress_every_seconds > 0),
    add column last_progress_at       timestamptz,
    add column progress_due_at        timestamptz;

update case_file set last_progress_at = greatest(reported_at, first_statement_at);
update case_file set progress_due_at = coalesce(last_progress_at, updated_at) + interval '1 second' * progress_every_seconds
    where state in ('RESPONDING', 'TRACKING');

-- A task (任务) given to a unit on a case; a case is not closed (REVIEWED) while one is open.
create table case_task (
    id           uuid        primary key,
    case_id      uuid        not null references case_file (id),
    unit_id      text        not null,
    title        text        not null,
    due_at       timestamptz not null,
    created_by   text        not null,
    created_at   timestamptz not null,
    completed_by text,
    completed_at timestamptz,
    check ((completed_by is null) = (completed_at is null))
);

create index case_task_case on case_task (case_id, created_at);
create index case_task_open on case_task (case_id) where completed_at is null;

-- A file attached to a case, kept in the database with the SHA-256 of its bytes (also in the ledger); a read
-- recomputes it and refuses bytes that no longer match.
create table case_attachment (
    id           uuid        primary key,
    case_id      uuid        not null references case_file (id),
    file_name    text        not null,
    content_type text        not null,
    size         bigint      not null check (size >= 0),
    sha256       bytea       not null check (octet_length(sha256) = 32),
    content      bytea       not null,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null
);

create index case_attachment_case on case_attachment (case_id, uploaded_at);
