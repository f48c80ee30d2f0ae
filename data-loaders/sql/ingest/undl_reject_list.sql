-- The first rejected rows with everything an analyst needs to fix them.
SELECT
  source_file,
  line,
  column_name,
  error_type,
  csv_line,
  error_message
FROM
  undl_rejects
ORDER BY
  source_file,
  line
LIMIT
  50;
