-- Benchmark floor: DuckDB's own CSV reader into a table, with the pipeline's explicit column types for the
-- file's layout ($columns; ms_vote as VARCHAR) but nothing else (no rejects table, no hashing, no models).
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
  );
