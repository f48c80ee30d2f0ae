-- What one file contributed, for the progress line.
SELECT
  rows_loaded,
  rejected_lines
FROM
  undl_files
WHERE
  source_file = $source_file;
