-- An unchanged file: copy its rows (in file order) and its rejects from the previous database instead of reading it again.
INSERT INTO
  undl_votes
  -- no ORDER BY: a scan keeps insertion (file) order, which the line numbers rely on, without a sort
SELECT
  *
FROM
  undl_previous.undl_votes
WHERE
  source_file = $source_file;

INSERT INTO
  undl_rejects
  -- the reader's rejects only: unknown States are checked again over all files after the ingest
SELECT
  *
FROM
  undl_previous.undl_rejects
WHERE
  source_file = $source_file
  AND error_type <> 'UNKNOWN STATE';
