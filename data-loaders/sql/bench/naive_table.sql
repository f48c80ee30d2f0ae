-- Benchmark baseline table for the csv-parse + appender load: the floor's columns and types for the file's
-- layout, created empty (LIMIT 0 reads no data rows).
CREATE TABLE votes AS
SELECT
  *
FROM
  read_csv(
    $path,
    header = TRUE,
    auto_detect = FALSE,
    delim = ',',
    quote = '"',
    escape = '"',
    columns = $columns
  )
LIMIT
  0;
