-- The progress reports in the database, in meeting order (the report selectors, the footer), with every fact of the
-- edition the table holds (title, symbol, dates, meeting: data-loaders/site/edition.ts words them).
SELECT
  *
FROM
  reports
ORDER BY
  ordinal;
