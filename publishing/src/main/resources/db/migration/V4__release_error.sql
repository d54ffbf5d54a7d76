-- Why a delivery failed (the channel's own words, never a secret), and how often it was tried:
-- a failed channel stays on record next to the delivered ones and can be retried.
alter table release add column error text;
alter table release add column attempts integer not null default 1;
