-- File imports (文件导入): an uploaded JSONL or CSV file of posts taken in in the background, with its progress for
-- the console. An import belongs to the login that uploaded it; errors holds the first 1,000 rejected lines.
create table post_import (
    id          uuid        primary key,
    owner       text        not null,
    file_name   text,
    format      text        not null check (format in ('JSONL', 'CSV')),
    charset     text        not null,
    state       text        not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    total_lines integer     not null check (total_lines >= 0),
    processed   integer     not null default 0,
    ingested    integer     not null default 0,
    failed      integer     not null default 0,
    errors      jsonb       not null default '[]',
    -- why a FAILED import stopped (the store was unavailable); the lines before were taken in
    message     text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    finished_at timestamptz
);

create index post_import_owner_idx on post_import (owner, created_at desc);
