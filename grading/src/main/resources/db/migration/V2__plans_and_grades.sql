-- Response plans (预案) as versioned JSON documents: a version is never changed once written;
-- editing a plan writes the next version, and every grade names the version that produced it.
create table plan_version (
    plan_id    text        not null check (plan_id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    version    integer     not null check (version > 0),
    body       jsonb       not null,
    created_at timestamptz not null default now(),
    primary key (plan_id, version)
);

-- Which plan grades the incidents of a unit. A unit without a row uses the configured default plan
-- (yuqing.grading.default-plan-id); the latest version of the plan applies.
create table plan_assignment (
    unit_id     text        primary key,
    plan_id     text        not null,
    assigned_at timestamptz not null default now()
);

-- The current grade of each incident. graded_at is when level or category were last set;
-- evaluated_at and metrics_at tell when the metrics were last looked at, and how old they were.
create table incident_grade (
    incident_id  uuid        primary key,
    unit_id      text        not null,
    title        text,
    level        text        not null check (level in ('GENERAL', 'SERIOUS', 'MAJOR', 'EXTRAORDINARY')),
    category     text        not null,
    reasons      jsonb       not null,
    plan_id      text        not null,
    plan_version integer     not null,
    metrics      jsonb       not null,
    metrics_at   timestamptz not null,
    graded_at    timestamptz not null,
    evaluated_at timestamptz not null,
    foreign key (plan_id, plan_version) references plan_version (plan_id, version)
);

-- Every change of an incident's level or category, oldest first; source_event_id is the upstream
-- event that caused it, so a redelivered event cannot add a second row.
create table grade_history (
    id              bigserial   primary key,
    incident_id     uuid        not null references incident_grade (incident_id),
    source_event_id uuid        not null unique,
    level           text        not null,
    previous_level  text,
    category        text        not null,
    escalation      boolean     not null,
    reasons         jsonb       not null,
    plan_id         text        not null,
    plan_version    integer     not null,
    metrics         jsonb       not null,
    graded_at       timestamptz not null
);

create index grade_history_incident on grade_history (incident_id, id);
