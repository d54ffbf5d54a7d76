-- The accountability record (问责记录): one hash-chained, append-only ledger for all cases.
-- hash = SHA-256 over a canonical encoding of (seq, case_id, at, kind, actor, summary, detail, prev_hash),
-- computed by the service (org.yuqing.casework.ledger.LedgerHash); the first entry's prev_hash is 32 zero
-- bytes. Appends take a transaction-scoped advisory lock, so the chain is linear and seq grows in commit order.
create table ledger_entry (
    seq       bigserial   primary key,
    case_id   uuid        not null,
    at        timestamptz not null,
    kind      text        not null,
    actor     text        not null,
    summary   text        not null,
    detail    jsonb       not null,
    prev_hash bytea       not null check (octet_length(prev_hash) = 32),
    hash      bytea       not null unique check (octet_length(hash) = 32)
);

create index ledger_entry_case on ledger_entry (case_id, seq);

-- Nobody edits the record. The privileges below stop every role but the owner; the embedded default runs
-- the service AS the schema owner, so there the triggers are what stops it (an owner could drop them, a
-- superuser could disable them; the hash chain makes that tampering visible to GET /api/casework/ledger/verify).
-- In production run the service as a non-owner role granted only INSERT and SELECT on this table (plus
-- USAGE on its sequence).
create function ledger_entry_refuse_change() returns trigger
    language plpgsql
as $$
begin
    raise exception 'the accountability ledger is append-only: % on ledger_entry refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger ledger_entry_no_update_or_delete
    before update or delete on ledger_entry
    for each row execute function ledger_entry_refuse_change();

create trigger ledger_entry_no_truncate
    before truncate on ledger_entry
    for each statement execute function ledger_entry_refuse_change();

revoke update, delete, truncate on ledger_entry from public;
