-- The workflow's last stretch: when the incident subsided (平息), the review clock that starts then (总结评估,
-- the plan's reviewAfterSubsidedWithin, e.g. 3 days), and the review itself. A case that flares up again
-- (re-escalation, or moved back to TRACKING) clears all of it; a later subsidence starts a fresh clock.
alter table case_file
    add column subsided_at    timestamptz,
    add column review_due_at  timestamptz,
    add column reviewed_at    timestamptz,
    add column review_summary text,
    add column review_lessons text;

create index case_file_review_due on case_file (review_due_at) where review_due_at is not null and reviewed_at is null;
