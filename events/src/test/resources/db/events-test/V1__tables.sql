-- What the test listener applied, in order; unique on the event so a double application fails.
create table applied (
    event_id uuid primary key,
    title    text not null,
    seq      bigserial
);
