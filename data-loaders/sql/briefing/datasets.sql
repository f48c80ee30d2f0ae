-- Provenance of the curated datasets, cited in the footnotes.
SELECT
  name,
  title,
  producer,
  source,
  date,
  reference,
  file
FROM
  datasets
ORDER BY
  name;
