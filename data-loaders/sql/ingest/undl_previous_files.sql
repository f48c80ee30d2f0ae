-- Files ingested by the previous build (attached read-only as undl_previous).
SELECT
  source_file,
  layout,
  bytes,
  mtime_ms,
  sha256,
  ingest_version
FROM
  undl_previous.undl_files;
