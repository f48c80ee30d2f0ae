-- Rejected rows per file and kind of error, for the run's summary.
SELECT
  source_file,
  error_type,
  count(DISTINCT line) AS lines,
  min(line) AS first_line
FROM
  undl_rejects
GROUP BY ALL
ORDER BY
  source_file,
  first_line;
