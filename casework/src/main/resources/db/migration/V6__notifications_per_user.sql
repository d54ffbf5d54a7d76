-- The inbox is per user (站内通知按人): a notice to a role of a unit is in the inbox of each user who belongs to
-- that unit, and each of them marks it read for themselves. A single read_at on the notice would let one user's
-- reading hide it from everyone else, so who read which notice, and when, is kept apart.
create table notification_receipt (
    notification_id bigint      not null references notification (id),
    login           text        not null,
    read_at         timestamptz not null,
    primary key (notification_id, login)
);

alter table notification drop column read_at;
