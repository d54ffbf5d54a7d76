-- The directory of the platform (用户目录): units in a tree, users with their units and roles, and the gateway's
-- token signing keys. Version 1 of this schema is the security library's audit_event (classpath:db/security).

create table units (
    id         text        primary key,
    name       text        not null,
    parent_id  text        references units (id),
    created_at timestamptz not null default now(),
    constraint units_not_own_parent check (parent_id is null or parent_id <> id)
);

create index units_parent on units (parent_id);

create table users (
    login               text        primary key,
    display_name        text        not null,
    -- DelegatingPasswordEncoder form, e.g. {bcrypt}$2a$10$...; never the clear text.
    password_hash       text        not null,
    enabled             boolean     not null default true,
    created_at          timestamptz not null default now(),
    password_changed_at timestamptz not null default now()
);

create table user_units (
    login   text not null references users (login) on delete cascade,
    unit_id text not null references units (id),
    primary key (login, unit_id)
);

create index user_units_unit on user_units (unit_id);

create table user_roles (
    login text not null references users (login) on delete cascade,
    role  text not null,
    primary key (login, role)
);

-- RSA keys the gateway signs tokens with; kid is the RFC 7638 thumbprint. Retired keys are no longer published.
create table signing_keys (
    kid         text        primary key,
    private_jwk text        not null,
    created_at  timestamptz not null default now(),
    retired_at  timestamptz
);
