-- The reader's rejects tables are per connection; clear them so that each file's rejects are its own.
DROP TABLE IF EXISTS undl_reject_errors;

DROP TABLE IF EXISTS undl_reject_scans;
