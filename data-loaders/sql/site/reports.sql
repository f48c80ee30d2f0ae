-- The progress reports in the database, in meeting order (the Data quality page's report selector).
SELECT report_id, ordinal, is_latest FROM reports ORDER BY ordinal;
