-- Background jobs over stored posts with their progress, for the console: a topic's backfill over history (BACKFILL,
-- topic_id set) and the administrators' re-index of derived fields (REINDEX, months from/to set). errors counts the
-- posts that failed; message holds the first such error or why the job stopped.
create table background_job (
    id          uuid        primary key,
    kind        text        not null check (kind in ('BACKFILL', 'REINDEX')),
    topic_id    uuid,
    month_from  text,
    month_to    text,
    owner       text        not null,
    state       text        not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    total       bigint      not null default 0,
    processed   bigint      not null default 0,
    matched     bigint      not null default 0,
    errors      bigint      not null default 0,
    message     text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    finished_at timestamptz
);

create index background_job_topic_idx on background_job (topic_id, created_at desc);
