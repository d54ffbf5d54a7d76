-- Negative share (负面占比): the words of the negative lexicon each member post contained when it was recorded (empty:
-- not negative), and the lexicon itself once an administrator replaced it through the API (until then the configured
-- one, yuqing.monitoring.negative.words, applies). One row at most.
alter table incident_post add column negative_words text[] not null default '{}';

create table negative_lexicon (
    id         smallint    primary key check (id = 1),
    words      text[]      not null,
    updated_by text        not null,
    updated_at timestamptz not null
);
