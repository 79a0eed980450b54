-- A small tsvector of title and tags only. Ranking by it is cheap, which matters for words that are on
-- most pages: ranking thousands of full documents by body text cost more than the rest of the search.
alter table search_documents add column head tsvector generated always as (
    setweight(to_tsvector(case language when 'sv' then 'swedish'::regconfig else 'english'::regconfig end, title), 'A') ||
    setweight(to_tsvector(case language when 'sv' then 'swedish'::regconfig else 'english'::regconfig end, tags), 'B')
) stored;
