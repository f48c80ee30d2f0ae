-- The progress reports in the database, in meeting order (the report selectors, the footer).
SELECT report_id, ordinal, is_latest FROM reports ORDER BY ordinal;
