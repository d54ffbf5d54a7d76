-- Deliveries to external channels run after the publish commits: a release is queued PENDING and a
-- worker sends it. next_attempt_at is when the worker may try it (next); it is null once the
-- release is DELIVERED or has used up its automatic attempts (then only a manual retry re-queues it).
alter table release add column next_attempt_at timestamptz;
create index release_due_idx on release (next_attempt_at) where next_attempt_at is not null;
