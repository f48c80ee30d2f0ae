-- Files ingested by the previous build (attached read-only as undl_previous).
SELECT
  source_file,
  layout,
  bytes,
  mtime_ms,
  content_hash,
  ingest_version
FROM
  undl_previous.undl_files;
