-- The full-text index of the content (the content itself stays in files). One row per page and
-- language; the tsvector uses that language's stemming, title and tags weighing most.
create table search_documents (
    url          text        primary key,
    language     text        not null check (language in ('en', 'sv')),
    section      text        not null,
    title        text        not null,
    summary      text        not null default '',
    tags         text        not null default '',
    body         text        not null default '',
    published    timestamptz,
    content_hash text        not null,
    indexed_at   timestamptz not null default now(),
    document     tsvector    generated always as (
        setweight(to_tsvector(case language when 'sv' then 'swedish'::regconfig else 'english'::regconfig end, title), 'A') ||
        setweight(to_tsvector(case language when 'sv' then 'swedish'::regconfig else 'english'::regconfig end, tags), 'B') ||
        setweight(to_tsvector(case language when 'sv' then 'swedish'::regconfig else 'english'::regconfig end, summary), 'C') ||
        setweight(to_tsvector(case language when 'sv' then 'swedish'::regconfig else 'english'::regconfig end, body), 'D')
    ) stored
);

create index search_documents_document on search_documents using gin (document);
create index search_documents_language_section on search_documents (language, section);
