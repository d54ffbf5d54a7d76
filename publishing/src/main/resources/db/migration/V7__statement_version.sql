-- Every text a statement has had (修改留痕): version 1 is the draft, each edit that changes the text adds one.
-- content_hash is the hash approvals of that text bind (master text and its channel renditions).
create table statement_version (
    statement_id uuid        not null references statement (id),
    version      integer     not null check (version >= 1),
    title        text        not null,
    body         text        not null,
    content_hash text        not null,
    edited_by    text        not null,
    edited_at    timestamptz not null,
    primary key (statement_id, version)
);

-- Statements drafted before versions were kept start with their current text as version 1.
insert into statement_version (statement_id, version, title, body, content_hash, edited_by, edited_at)
select id, 1, title, body, content_hash, created_by, updated_at from statement;
