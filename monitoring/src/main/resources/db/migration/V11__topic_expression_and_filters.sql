-- A topic has either word groups or an advanced boolean expression (高级表达式, parsed by the service), optional
-- site and media-type filters (empty: any), and can be disabled (a disabled topic matches nothing).
alter table topic add column expression  text;
alter table topic add column sites       text[]  not null default '{}';
alter table topic add column media_types text[]  not null default '{}';
alter table topic add column enabled     boolean not null default true;
