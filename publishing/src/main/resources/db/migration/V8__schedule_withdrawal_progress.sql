-- Scheduled release (定时发布): an approved statement goes out at scheduled_at, published as scheduled_by, if the
-- approvals still bind its text then; schedule_refusal says why the last scheduled release was refused.
alter table statement add column scheduled_at timestamptz;
alter table statement add column scheduled_by text;
alter table statement add column schedule_refusal text;
create index statement_scheduled_idx on statement (scheduled_at) where scheduled_at is not null;

-- Correction notices (更正说明) are statements of their own that name the statement they correct; once a notice is
-- published, the corrected statement records it. A retraction (撤回) records the same columns without a notice.
alter table statement add column corrects uuid references statement (id);
alter table statement add column correction_reason text;
create index statement_corrects_idx on statement (corrects) where corrects is not null;
alter table statement add column withdrawn_kind text check (withdrawn_kind in ('RETRACTION', 'CORRECTION'));
alter table statement add column withdrawn_reason text;
alter table statement add column withdrawn_by text;
alter table statement add column withdrawn_at timestamptz;
alter table statement add column withdrawn_notice uuid references statement (id);

-- How far a multi-step delivery got (e.g. the official account's draft media_id and publish_id), committed after
-- each step on its own, so a retry continues where the last attempt stopped instead of posting twice. No foreign
-- key: that write commits while the worker's transaction is still open and must not wait on the statement row.
create table release_progress (
    statement_id uuid        not null,
    channel      text        not null,
    progress     text        not null,
    updated_at   timestamptz not null,
    primary key (statement_id, channel)
);
