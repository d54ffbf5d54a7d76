-- Monitoring topics (监测主题): keyword groups matched against every incoming post. A post matches
-- when every non-empty group among region/subject/event has a hit and no exclude word hits.
create table topic (
    id            uuid        primary key,
    name          text        not null,
    unit_id       text        not null,
    region_words  text[]      not null default '{}',
    subject_words text[]      not null default '{}',
    event_words   text[]      not null default '{}',
    exclude_words text[]      not null default '{}',
    created_by    text        not null,
    updated_by    text        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

create index topic_unit_idx on topic (unit_id);
