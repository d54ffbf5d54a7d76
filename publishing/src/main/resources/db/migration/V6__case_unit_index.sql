-- Lists are filtered by the caller's unit scope (属地管理): statements join their case on its unit.
create index case_ref_unit_idx on case_ref (unit_id);
