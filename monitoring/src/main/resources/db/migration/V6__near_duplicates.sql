-- Near-duplicate clustering: the 64-bit SimHash of each member post's folded text, and whether the post was within
-- Hamming distance 3 of another member when it joined (a repost of the same statement, 同一表述).
alter table incident_post add column simhash bigint;
alter table incident_post add column near_duplicate boolean not null default false;
