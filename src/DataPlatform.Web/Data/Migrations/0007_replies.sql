-- Replies staff write to visitors from the workspace: stored first, sent after (the table is the outbox),
-- so a mail server that is down delays a reply and never loses it.
create table submission_replies (
    id bigint generated always as identity primary key,
    submission_id uuid not null references submissions (id),
    author text not null,
    to_address text not null,
    subject text not null,
    body text not null,
    language text not null,
    state text not null check (state in ('queued', 'sent', 'failed')),
    attempts integer not null default 0,
    last_error text,
    created_at timestamptz not null,
    sent_at timestamptz
);
create index submission_replies_submission on submission_replies (submission_id, created_at);
create index submission_replies_queued on submission_replies (created_at) where state = 'queued';
