-- Searches fold accents, as every search box of the portal does (TextQuery): "oppna data" finds "öppna data",
-- "Kaariainen" finds "Kääriäinen". Text search configurations that run unaccent before each language's stemmer
-- (unaccent ships with PostgreSQL and is a trusted extension: the database owner may create it), and the
-- documents' vectors built with them. `head` (title and tags) stays as it was, spelled exactly: a page whose
-- title or tags match the exact spelling ranks above pages that match only once folded.
create extension if not exists unaccent;

create text search configuration portal_english (copy = english);
alter text search configuration portal_english alter mapping for hword, hword_part, word with unaccent, english_stem;
create text search configuration portal_swedish (copy = swedish);
alter text search configuration portal_swedish alter mapping for hword, hword_part, word with unaccent, swedish_stem;
create text search configuration portal_simple (copy = simple);
alter text search configuration portal_simple alter mapping for hword, hword_part, word, asciiword, asciihword, hword_asciipart with unaccent, simple;

drop index search_documents_document;
alter table search_documents drop column document;
alter table search_documents add column document tsvector generated always as (
    setweight(to_tsvector(case language when 'sv' then 'portal_swedish'::regconfig else 'portal_english'::regconfig end, title), 'A') ||
    setweight(to_tsvector(case language when 'sv' then 'portal_swedish'::regconfig else 'portal_english'::regconfig end, tags), 'B') ||
    setweight(to_tsvector(case language when 'sv' then 'portal_swedish'::regconfig else 'portal_english'::regconfig end, summary), 'C') ||
    setweight(to_tsvector(case language when 'sv' then 'portal_swedish'::regconfig else 'portal_english'::regconfig end, body), 'D')
) stored;
create index search_documents_document on search_documents using gin (document);

-- The staff inbox's search, folded the same way.
drop index submissions_search;
alter table submissions drop column search;
alter table submissions add column search tsvector generated always as (
    to_tsvector('portal_simple', reference || ' ' || name || ' ' || email || ' ' || coalesce(title, '') || ' ' || coalesce(message, '') || ' ' || fields::text)
) stored;
create index submissions_search on submissions using gin (search);
