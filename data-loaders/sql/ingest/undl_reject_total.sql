-- Rejected lines over all files (a line with two errors counts once).
SELECT
  count(*) AS lines
FROM
  (
    SELECT DISTINCT
      source_file,
      line
    FROM
      undl_rejects
  );
