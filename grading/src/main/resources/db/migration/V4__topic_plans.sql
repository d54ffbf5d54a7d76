-- The topic (监测主题) whose match opened an incident, so a plan assigned to that topic can grade it.
-- Null for incidents graded before this column existed: they use their unit's plan.
alter table incident_grade add column topic_id uuid;

-- Plans assigned to single topics of a unit, ahead of the unit's own plan. The unit is part of the key:
-- an assignment only applies to the unit's incidents, so no unit can redirect another unit's grading.
create table plan_topic_assignment (
    unit_id     text        not null,
    topic_id    uuid        not null,
    plan_id     text        not null,
    assigned_at timestamptz not null default now(),
    primary key (unit_id, topic_id)
);
