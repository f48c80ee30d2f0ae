-- States that contributed to the ISU budget of the year the prose names (para 22: the 2024 budget),
-- one row per State; the topic link is reviewed in sources/overrides/finding_indicators.csv.
CREATE OR REPLACE TABLE isu_contributors AS
SELECT
  fs.iso3,
  fs.name_as_written,
  CAST(regexp_extract(f.statement, '(\d{4}) budget', 1) AS INTEGER) AS budget_year,
  f.paragraph,
  f.finding_id,
  f.cycle
FROM findings f
JOIN finding_states fs USING (finding_id)
WHERE f.topic = 'isu_contributor_2024';
