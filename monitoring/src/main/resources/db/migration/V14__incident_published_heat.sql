-- The heat an incident's last event (IncidentDetected or IncidentMetricsChanged) carried, as JSON: a chunk of posts
-- compares the heat it leaves with this instead of computing the heat before it changes anything, and publishes a
-- change only when they differ. Null for incidents whose events predate this column: their next change is published.
alter table incident add column published_heat jsonb;
