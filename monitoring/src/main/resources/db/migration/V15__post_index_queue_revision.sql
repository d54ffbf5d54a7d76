-- Every write of a queue row takes a new revision, returned to the writer: a submission storing its own posts
-- locks their rows and, where the revision is still the one it wrote, sends the document it holds in memory instead of
-- reading it back; a row rewritten since (a newer submission of the post) is read back as before.
create sequence post_index_queue_revision;
alter table post_index_queue add column revision bigint not null default nextval('post_index_queue_revision');
-- The document is read back only by catch-ups and by submissions that lost a race, and is never queried inside, so it
-- is kept as the JSON text it was written as, without parsing it into jsonb on the way in and printing it on the way out.
alter table post_index_queue alter column document type text using document::text;
