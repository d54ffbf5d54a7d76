-- Who works a case (经办人): people by login, each acting for a unit. Replaced as a whole by an assignment.
create table case_assignee (
    case_id     uuid        not null references case_file (id),
    login       text        not null,
    unit_id     text        not null,
    assigned_by text        not null,
    assigned_at timestamptz not null,
    primary key (case_id, login)
);

create index case_assignee_login on case_assignee (login);

-- A notice to one person (a case's assignee) rather than to a role of a unit: only that person's inbox holds it.
alter table notification add column recipient_login text;

create index notification_recipient_login on notification (recipient_login, created_at desc)
    where recipient_login is not null;

-- Monitoring's heat of an incident over time (IncidentDetected / IncidentMetricsChanged), one row per event. Kept
-- by incident, so a case opened later still has its curve from detection on.
create table incident_heat (
    event_id       uuid             primary key,
    incident_id    uuid             not null,
    at             timestamptz      not null,
    volume         bigint           not null,
    reads          bigint           not null,
    comments       bigint           not null,
    reposts        bigint           not null,
    sites          integer          not null,
    mainstream     integer          not null,
    negative_share double precision not null
);

create index incident_heat_incident on incident_heat (incident_id, at);
