-- Official statements (发布稿) of a case and the record of who approved, released and tried to
-- release them. Approvals bind the SHA-256 of the text they approved, so an edit voids them.
create table statement (
    id           uuid primary key,
    case_id      uuid        not null references case_ref (case_id),
    kind         text        not null,
    title        text        not null,
    body         text        not null,
    state        text        not null check (state in ('DRAFT', 'APPROVED', 'PUBLISHED')),
    content_hash text        not null,
    created_by   text        not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    published_at timestamptz,
    public_url   text
);
create index statement_case_idx on statement (case_id, created_at);
create index statement_published_idx on statement (published_at desc) where state = 'PUBLISHED';

create table approval (
    id           bigserial primary key,
    statement_id uuid        not null references statement (id),
    step         text        not null,
    decision     text        not null check (decision in ('APPROVE', 'REJECT')),
    approver     text        not null,
    comment      text,
    content_hash text        not null,
    at           timestamptz not null
);
create index approval_statement_idx on approval (statement_id, id);

-- Every attempt to release, refused ones included: the accountability record of "三同步".
create table release_attempt (
    id           bigserial primary key,
    statement_id uuid        not null references statement (id),
    actor        text        not null,
    at           timestamptz not null,
    outcome      text        not null check (outcome in ('PUBLISHED', 'REFUSED')),
    reason       text
);
create index release_attempt_statement_idx on release_attempt (statement_id, id);

-- What went out on which channel, when, and where the public finds it.
create table release (
    id           bigserial primary key,
    statement_id uuid        not null references statement (id),
    channel      text        not null,
    at           timestamptz not null,
    url          text,
    status       text        not null check (status in ('DELIVERED', 'PENDING', 'FAILED')),
    unique (statement_id, channel)
);
