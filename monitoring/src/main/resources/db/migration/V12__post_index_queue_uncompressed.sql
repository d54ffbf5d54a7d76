-- A queued document lives for the fraction of a second between recording and indexing: compressing it on the way in
-- (TOAST's pglz) cost more processor time than the disk it saves. Stored out of line, uncompressed.
alter table post_index_queue alter column document set storage external;
