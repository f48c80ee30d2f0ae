-- The first rejected rows with everything an analyst needs to fix them. DuckDB's reader rejects a line with fields
-- missing or extra once for each such field (a cut line, up to 19 times): such a line is one row here, the one
-- with the line's own count of fields (the fewest found on a short line, the most on a long one).
SELECT
  source_file,
  line,
  column_name,
  error_type,
  csv_line,
  error_message
FROM
  undl_rejects
QUALIFY
  error_type NOT IN ('MISSING COLUMNS', 'TOO MANY COLUMNS')
  OR row_number() OVER (
    PARTITION BY
      source_file,
      line,
      error_type
    ORDER BY
      CASE error_type
        WHEN 'MISSING COLUMNS' THEN 1
        ELSE -1
      END * TRY_CAST (regexp_extract(error_message, 'Found: (\d+)', 1) AS INTEGER)
  ) = 1
ORDER BY
  source_file,
  line
LIMIT
  50;
