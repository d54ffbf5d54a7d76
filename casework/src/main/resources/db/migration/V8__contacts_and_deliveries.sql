-- The contact directory (通讯录) the escalation chain reaches people and groups through, kept by administrators.
-- A person is reached for the notices to any of their units whose role (ASSIGNEE, UNIT_HEAD, ...) they hold, on
-- the channels they take (EMAIL, SMS) where they have an address.
create table contact_person (
    login      text        primary key,
    name       text        not null,
    units      text[]      not null check (cardinality(units) > 0),
    roles      text[]      not null check (cardinality(roles) > 0),
    email      text,
    mobile     text,
    channels   text[]      not null,
    updated_by text        not null,
    updated_at timestamptz not null
);

create index contact_person_units on contact_person using gin (units);

-- A unit's group robots (企业微信 / 钉钉群机器人): each gets every notice to its unit. The webhook address carries
-- the robot's credential (WeCom key, DingTalk access_token) and the DingTalk signing secret (加签) is one too:
-- neither is ever shown by the API nor written to a log.
create table contact_robot (
    unit_id     text        not null,
    name        text        not null,
    kind        text        not null check (kind in ('WECOM', 'DINGTALK')),
    webhook_url text        not null,
    secret      text,
    updated_by  text        not null,
    updated_at  timestamptz not null,
    primary key (unit_id, name)
);

-- Every outside delivery of a notice (email, SMS, group robot): planned in the transaction that makes the notice,
-- sent after commit by the dispatcher, retried with backoff, logged here. The idempotency key (notice × channel ×
-- recipient) is unique, so a notice is planned once whatever replays; a SENT row is never sent again.
create table notification_delivery (
    id              bigserial   primary key,
    notification_id bigint      not null references notification (id),
    idempotency_key uuid        not null unique,
    case_id         uuid,
    unit_id         text        not null,
    channel         text        not null check (channel in ('EMAIL', 'SMS', 'WECOM', 'DINGTALK')),
    recipient       text        not null,
    address         text        not null,
    status          text        not null check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0 check (attempts >= 0),
    last_error      text,
    next_attempt_at timestamptz,
    sending_since   timestamptz,
    sent_at         timestamptz,
    created_at      timestamptz not null,
    retried_by      text,
    retried_at      timestamptz,
    unique (notification_id, channel, recipient)
);

create index notification_delivery_due on notification_delivery (next_attempt_at) where status = 'PENDING';
create index notification_delivery_sending on notification_delivery (sending_since) where status = 'SENDING';
create index notification_delivery_unit on notification_delivery (unit_id, created_at desc);

-- Every attempt at a delivery, as it ended: SENT, FAILED (with the error) or INTERRUPTED (the service stopped mid-send).
create table notification_delivery_attempt (
    id          bigserial   primary key,
    delivery_id bigint      not null references notification_delivery (id),
    attempt     integer     not null,
    started_at  timestamptz not null,
    ended_at    timestamptz not null,
    outcome     text        not null check (outcome in ('SENT', 'FAILED', 'INTERRUPTED')),
    error       text
);

create index notification_delivery_attempt_delivery on notification_delivery_attempt (delivery_id, id);
