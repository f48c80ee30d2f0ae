-- cited_datasets: every dataset the products read, as the briefing's datasets table and notes cite it: the curated
-- datasets (view datasets, from sources/*.meta.json) and the UN Digital Library voting files that the UNGA votes
-- come from (table undl_files, described in sources/unga/PROVENANCE.md), one row each.
CREATE OR REPLACE VIEW cited_datasets AS
SELECT
  name,
  'curated dataset' AS kind,
  title,
  producer,
  source,
  date,
  reference,
  file
FROM
  datasets
UNION ALL
SELECT
  -- The file stem under sources/unga/, as a curated dataset is named by its file stem under sources/.
  regexp_extract(f.source_file, '([^/]+)\.csv$', 1) AS name,
  'UN voting file' AS kind,
  'Country-level recorded votes of the UN General Assembly, ' || min(year(v.vote_date)) || '–' || max(year(v.vote_date)) || ' (' || count(DISTINCT v.resolution) || ' resolutions, ' || format('{:,}', count(*)) || ' votes of Member States)' AS title,
  'UN Dag Hammarskjöld Library (UN Digital Library voting records)' AS producer,
  'UN Digital Library, General Assembly Voting Data (record 4060887)' || CASE
  -- The resolutions by symbol while they are few (an extract); the full official file holds thousands.
    WHEN count(DISTINCT v.resolution) <= 12 THEN ': ' || string_agg(
      DISTINCT v.resolution,
      ', '
      ORDER BY
        v.resolution
    )
    ELSE ''
  END AS source,
  strftime(max(v.vote_date), '%Y-%m-%d') AS date,
  'https://digitallibrary.un.org/record/4060887' AS reference,
  f.source_file AS file
FROM
  undl_files f
  JOIN undl_votes v ON v.source_file = f.source_file
GROUP BY
  f.source_file
ORDER BY
  kind,
  name;
