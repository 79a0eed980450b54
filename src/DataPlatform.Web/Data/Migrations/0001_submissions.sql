-- What visitors send through the portal's forms. Typed columns for what every form has,
-- jsonb for the fields only some forms have.
create table submissions (
    id                uuid        primary key,
    reference         text        not null unique,
    idempotency_key   uuid        not null unique,
    kind              text        not null check (kind in ('contact', 'event', 'highlight')),
    status            text        not null default 'new'
                                  check (status in ('new', 'in_review', 'accepted', 'rejected', 'spam', 'done')),
    language          text        not null check (language in ('en', 'sv')),
    source_page       text,
    name              text        not null,
    email             text        not null,
    title             text,
    message           text,
    fields            jsonb       not null default '{}'::jsonb,
    spam_reason       text,
    received_at       timestamptz not null,
    stored_at         timestamptz not null default now(),
    notified_at       timestamptz
);

create index submissions_received_at on submissions (received_at desc);
create index submissions_kind_status on submissions (kind, status);
create index submissions_pending_notification on submissions (received_at) where notified_at is null and status <> 'spam';
