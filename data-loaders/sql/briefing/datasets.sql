-- Provenance of every dataset the briefing reads (mart cited_datasets: the curated datasets and the UN voting
-- files), cited in the footnotes and listed in "About the data".
SELECT
  name,
  kind,
  title,
  producer,
  source,
  date,
  reference,
  file
FROM
  cited_datasets
ORDER BY
  kind,
  name;
