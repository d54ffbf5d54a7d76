-- The analyst's decision (分析员改定) kept beside the computed grade: level and category of
-- incident_grade stay what the engine computed; the effective level is the override when set.
alter table incident_grade
    add column override_level      text check (override_level in ('GENERAL', 'SERIOUS', 'MAJOR', 'EXTRAORDINARY')),
    add column override_category   text,
    add column override_reason     text,
    add column override_by         text,
    add column override_at         timestamptz,
    add column category_confidence double precision not null default 0,
    add column category_words      jsonb not null default '[]';

-- Who changed a grade: the engine (re-grading) or an analyst, and which analyst.
alter table grade_history
    add column source     text not null default 'ENGINE' check (source in ('ENGINE', 'ANALYST')),
    add column changed_by text;

-- The classification lexicon (分类词库): weighted words per category, seeded from
-- classification/lexicon.json when empty, editable afterwards.
create table classification_lexicon (
    category text             not null,
    word     text             not null check (length(word) > 0),
    weight   double precision not null check (weight > 0 and weight <= 1),
    primary key (category, word)
);
