-- A served form's signed stamp may yield one stored submission: later posts with the same stamp are kept,
-- marked spam. The stamp itself is not kept, only a hash of it to compare.
alter table submissions add column stamp_hash text;
create index submissions_stamp_hash on submissions (stamp_hash) where stamp_hash is not null;
