-- Keep what DuckDB rejected from the last file read, with the file's name (the reader's tables are temporary).
INSERT INTO
  undl_rejects
SELECT
  $source_file,
  line,
  column_name,
  error_type,
  csv_line,
  error_message
FROM
  undl_reject_errors
ORDER BY
  line,
  column_idx;
