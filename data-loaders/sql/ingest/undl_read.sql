-- Read one UNDL bulk file, in either layout, with DuckDB's CSV reader. $columns (from
-- data-loaders/unga/layout.ts) gives each column of the file's layout its type; BY NAME fills vote_note with
-- NULL for the 2025 layout, which has none. Types are explicit (no sniffing): a row that does not fit (a bad
-- date, an unknown vote code, a comma outside quotes) goes to the rejects table with its line instead of
-- stopping or being dropped silently.
INSERT INTO
  undl_votes BY NAME
SELECT
  *
RENAME ("date" AS vote_date),
$source_file AS source_file
FROM
  read_csv(
    $path,
    header = TRUE,
    auto_detect = FALSE,
    delim = ',',
    quote = '"',
    escape = '"',
    store_rejects = TRUE,
    rejects_table = 'undl_reject_errors',
    rejects_scan = 'undl_reject_scans',
    rejects_limit = 0,
    columns = $columns
  );
