-- Finding a near-duplicate without reading every post of a topic's open incidents. Two fingerprints at most 3 bits
-- apart agree on at least one of their four 16-bit quarters (pigeonhole: 3 differing bits touch at most 3 quarters),
-- so a candidate must share a quarter with the post; each quarter is indexed, and only those candidates are compared
-- bit by bit.
alter table incident_post
    add column simhash_band0 integer generated always as ((simhash & 65535)::integer) stored,
    add column simhash_band1 integer generated always as (((simhash >> 16) & 65535)::integer) stored,
    add column simhash_band2 integer generated always as (((simhash >> 32) & 65535)::integer) stored,
    add column simhash_band3 integer generated always as (((simhash >> 48) & 65535)::integer) stored;

create index incident_post_simhash_band0_idx on incident_post (simhash_band0);
create index incident_post_simhash_band1_idx on incident_post (simhash_band1);
create index incident_post_simhash_band2_idx on incident_post (simhash_band2);
create index incident_post_simhash_band3_idx on incident_post (simhash_band3);
