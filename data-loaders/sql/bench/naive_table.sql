-- Benchmark baseline table for the csv-parse + appender load: the floor's columns and types for the file's
-- layout, created empty (LIMIT 0 reads no data rows).
CREATE TABLE votes AS
SELECT * FROM read_csv($path, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = $columns)
LIMIT 0;
