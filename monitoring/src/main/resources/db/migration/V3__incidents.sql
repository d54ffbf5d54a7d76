-- Incidents (舆情事件): posts of one topic clustered in time. The posts themselves live in
-- Elasticsearch; here is only which post belongs to which incident, with the figures the heat
-- metrics are computed from.
create table incident (
    id            uuid        primary key,
    topic_id      uuid        not null references topic (id),
    unit_id       text        not null,
    title         text        not null,
    state         text        not null check (state in ('OPEN', 'CLOSED')),
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    created_at    timestamptz not null
);

create index incident_topic_open_idx on incident (topic_id, last_seen_at desc) where state = 'OPEN';
create index incident_created_idx on incident (created_at desc);

create table incident_post (
    incident_id       uuid        not null references incident (id),
    post_id           uuid        not null,
    site              text        not null,
    -- the configured mainstream domain the site belongs to (null when not mainstream): several
    -- sites of one outlet (www.people.com.cn, society.people.com.cn) count as one outlet
    mainstream_outlet text,
    mainstream        boolean     not null,
    -- normalised title: posts with equal keys count as one statement carried by several sites
    statement_key     text        not null,
    reads             bigint      not null default 0 check (reads >= 0),
    comments          bigint      not null default 0 check (comments >= 0),
    reposts           bigint      not null default 0 check (reposts >= 0),
    likes             bigint      not null default 0 check (likes >= 0),
    published_at      timestamptz not null,
    joined_at         timestamptz not null,
    updated_at        timestamptz not null,
    primary key (incident_id, post_id)
);

create index incident_post_post_idx on incident_post (post_id);
