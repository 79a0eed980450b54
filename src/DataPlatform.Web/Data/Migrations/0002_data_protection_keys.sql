-- ASP.NET Core Data Protection keys, shared by every replica so antiforgery tokens and
-- sign-in cookies issued by one are accepted by the others.
create table data_protection_keys (
    friendly_name text        primary key,
    xml           text        not null,
    created_at    timestamptz not null default now()
);
