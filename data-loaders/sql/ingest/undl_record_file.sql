-- One row per ingested file: what the incremental rerun compares, and where the file's rows start.
INSERT INTO
  undl_files
SELECT
  $source_file,
  $layout,
  $bytes,
  $mtime_ms,
  $content_hash,
  $ingest_version,
  $first_rowid,
  (
    SELECT
      count(*)
    FROM
      undl_votes
    WHERE
      rowid >= $first_rowid
  ),
  (
    SELECT
      count(DISTINCT line)
    FROM
      undl_rejects
    WHERE
      source_file = $source_file
  ),
  $reused,
  $seconds;
